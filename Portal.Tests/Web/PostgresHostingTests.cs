using System.Net;
using System.Net.Http.Json;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>The real app on PostgreSQL: migrations (including Quartz's tables), the clustered scheduler and sign-in.</summary>
public sealed class PostgresHostingTests
{
    [PostgresFact]
    public async Task Portal_runs_on_postgres_with_demo_data_and_a_clustered_scheduler()
    {
        await using var server = await PortalServer.StartAsync(provider: DatabaseProvider.Postgres);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var health = await http.GetFromJsonAsync<Health>("/health");

        Assert.Equal("Healthy", health!.Status);
        Assert.Contains(health.Checks, c => c.Name == "scheduler" && c.Status == "Healthy");
        await using var db = server.Database.CreateContext();
        Assert.Equal(7, db.Users.Count());
        Assert.Equal(2, db.Programs.Count());
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me")).StatusCode);
        Assert.DoesNotContain("fail:", server.Log);
    }

    private sealed record Health(string Status, Check[] Checks);
    private sealed record Check(string Name, string Status);
}
