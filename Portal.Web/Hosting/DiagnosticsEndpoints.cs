using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Web.Hosting;

/// <summary>
/// Opt-in memory figures for the circuit-capacity benchmark (docs/decisions/ADR-028): GET /diagnostics/memory forces a
/// full, compacting GC and answers the managed heap, the working set and the number of open circuits. Off unless
/// Diagnostics:MemoryEndpoint is true, and then answered only to loopback callers: a forced GC is a denial-of-service
/// lever and heap figures are nobody's business in production.
/// </summary>
public static class DiagnosticsEndpoints
{
    private const string Setting = "Diagnostics:MemoryEndpoint";

    public static IServiceCollection AddPortalDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(Setting))
        {
            services.AddSingleton<CircuitCount>();
            services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        }
        return services;
    }

    public static IEndpointRouteBuilder MapPortalDiagnostics(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>(Setting))
            return app;
        app.MapGet("/diagnostics/memory", (HttpContext ctx, CircuitCount circuits) =>
        {
            if (ctx.Connection.RemoteIpAddress is not { } ip || !IPAddress.IsLoopback(ip))
                return Results.NotFound();
            // Twice, with finalizers in between: components and circuits hold finalizable timers and sockets.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            return Results.Json(new MemorySnapshot(GC.GetTotalMemory(false), self.WorkingSet64, circuits.Open, circuits.Connected));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public sealed record MemorySnapshot(long ManagedBytes, long WorkingSetBytes, int OpenCircuits, int ConnectedCircuits);

    public sealed class CircuitCount
    {
        private int _open, _connected;
        public int Open => Volatile.Read(ref _open);
        public int Connected => Volatile.Read(ref _connected);
        internal void Opened() => Interlocked.Increment(ref _open);
        internal void Closed() => Interlocked.Decrement(ref _open);
        internal void Up() => Interlocked.Increment(ref _connected);
        internal void Down() => Interlocked.Decrement(ref _connected);
    }

    private sealed class CountingCircuitHandler(CircuitCount count) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct) { count.Opened(); return Task.CompletedTask; }
        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken ct) { count.Closed(); return Task.CompletedTask; }
        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken ct) { count.Up(); return Task.CompletedTask; }
        public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken ct) { count.Down(); return Task.CompletedTask; }
    }
}
