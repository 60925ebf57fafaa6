using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;
using Quartz;

namespace Portal.Web.Hosting;

public static class HealthRegistration
{
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler");
        return services;
    }

    /// <summary>/health: 200 when the database and scheduler are healthy, 503 otherwise, with a JSON body per check.</summary>
    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = (ctx, report) =>
            {
                ctx.Response.ContentType = "application/json";
                return ctx.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
                }));
            },
        }).AllowAnonymous().DisableHttpMetrics();
        return app;
    }

    private sealed class SchedulerHealthCheck(ISchedulerFactory factory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var scheduler = await factory.GetScheduler(ct);
            var status = await scheduler.GetStatus(ct);
            return status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy("Scheduler running.")
                : HealthCheckResult.Unhealthy($"Scheduler is {status}.");
        }
    }
}
