using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.Security;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Stakeholders;
using Microsoft.JSInterop;
using Radzen;

namespace Portal.Benchmarks;

/// <summary>
/// The server work of opening /programs/{id}/stakeholders on a 5,000-person, 60-group map: the map query (grid, hotspots,
/// gaps, totals), the first page of the people list, and rendering the grid and hotspot list to HTML.
/// </summary>
[MemoryDiagnoser]
public class StakeholderMapBenchmarks
{
    private LargeStakeholderMap _data = default!;
    private StakeholderService _service = default!;
    private CurrentUser _user = default!;
    private HtmlRenderer _renderer = default!;
    private StakeholderMapView _map = default!;
    private ServiceProvider _services = default!;

    [GlobalSetup]
    public void Setup()
    {
        _data = LargeStakeholderMap.CreateAsync().GetAwaiter().GetResult();
        _service = new StakeholderService(new PooledDbContextFactory<PortalDbContext>(PortalDatabase.Options(DatabaseProvider.Sqlite, _data.ConnectionString)));
        _user = new CurrentUser(_data.UserId, "Bench", new HashSet<string> { PortalRoles.ChangeLead });
        _services = new ServiceCollection().AddLogging().AddRadzenComponents().AddSingleton<IJSRuntime, NoJavaScript>().BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
        _map = _service.GetMapAsync(_data.ProgramId, new StakeholderFilter(), _user).GetAwaiter().GetResult()!;
        Console.WriteLine($"// Map: {_map.TotalPeople} people, {_map.Groups.Count} groups, {_map.Entries.Count} grid entries, {_map.Hotspots.Count} hotspots");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _renderer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _services.Dispose();
        _data.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "Map: grid, hotspots, gaps (no filter)")]
    public Task<StakeholderMapView?> Map() => _service.GetMapAsync(_data.ProgramId, new StakeholderFilter(), _user);

    [Benchmark(Description = "Map filtered by process area")]
    public Task<StakeholderMapView?> MapByArea() => _service.GetMapAsync(_data.ProgramId, new StakeholderFilter(ProcessArea: "Invoices"), _user);

    [Benchmark(Description = "People list, first page of 25")]
    public Task<PeoplePage?> People() => _service.GetPeopleAsync(_data.ProgramId, new StakeholderFilter(), null, 0, 25, _user);

    [Benchmark(Description = "Render grid + hotspot list to HTML")]
    public Task<string> Render() => RenderAsync(_map);

    [Benchmark(Description = "Page load: map + people + render")]
    public async Task<string> PageLoad()
    {
        var map = await _service.GetMapAsync(_data.ProgramId, new StakeholderFilter(), _user);
        await _service.GetPeopleAsync(_data.ProgramId, new StakeholderFilter(), null, 0, 25, _user);
        return await RenderAsync(map!);
    }

    private Task<string> RenderAsync(StakeholderMapView map) => _renderer.Dispatcher.InvokeAsync(async () =>
    {
        var grid = await _renderer.RenderComponentAsync<InfluenceImpactGrid>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Entries"] = map.Entries }));
        var hotspots = await _renderer.RenderComponentAsync<HotspotList>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Hotspots"] = map.Hotspots }));
        return grid.ToHtmlString() + hotspots.ToHtmlString();
    });
}

/// <summary>Radzen components ask for a JS runtime; rendering to HTML never calls it.</summary>
internal sealed class NoJavaScript : IJSRuntime
{
    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => throw new NotSupportedException("No JavaScript while rendering to HTML.");
    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => InvokeAsync<TValue>(identifier, args);
}
