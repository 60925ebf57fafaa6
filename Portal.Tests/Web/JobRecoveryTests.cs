using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;
using Quartz;

namespace Portal.Tests.Web;

/// <summary>
/// A node that dies mid-job must not lose the firing: on the clustered PostgreSQL store Quartz hands a job that requests
/// recovery to another node. Every Portal job is idempotent, so every one asks for it (ADR-027).
/// </summary>
public sealed class JobRecoveryTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task Every_registered_job_requests_recovery_and_is_durable()
    {
        _ = factory.Server;
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup());
        var details = new List<IJobDetail?>();
        foreach (var key in keys)
            details.Add(await scheduler.GetJobDetail(key));

        Assert.True(details.Count >= 9, $"only {details.Count} jobs registered");
        Assert.Empty(details.Where(d => !d!.RequestsRecovery || !d.Durable).Select(d => d!.Key.ToString()));
    }
}
