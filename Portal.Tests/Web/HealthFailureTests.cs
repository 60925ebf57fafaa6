using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;
using Quartz;

namespace Portal.Tests.Web;

/// <summary>Own factory: it puts the scheduler in standby, which other classes must not see.</summary>
public sealed class HealthFailureTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task Health_answers_503_naming_the_scheduler_when_it_is_not_running()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        try
        {
            var response = await client.GetAsync("/health");
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("\"name\":\"scheduler\",\"status\":\"Unhealthy\"", body);
            Assert.Contains("\"name\":\"database\",\"status\":\"Healthy\"", body);
        }
        finally
        {
            await scheduler.Start();
        }
    }
}
