using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>Own factory: locking a demo account must not disturb other test classes.</summary>
public sealed class LockoutTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        var client = factory.CreateBrowserLikeClient();
        for (var attempt = 1; attempt <= 5; attempt++)
            await PortalWebFactory.PostLoginAsync(client, "it@portal.local", $"wrong-password-{attempt:00}");

        var response = await PortalWebFactory.PostLoginAsync(client, "it@portal.local", PortalWebFactory.DemoPassword);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account is locked until", html);
        Assert.Contains("after 5 failed sign-ins", html);
    }

    [Fact]
    public async Task Four_failures_then_the_right_password_still_signs_in()
    {
        var client = factory.CreateBrowserLikeClient();
        for (var attempt = 1; attempt <= 4; attempt++)
            await PortalWebFactory.PostLoginAsync(client, "owner@portal.local", $"wrong-password-{attempt:00}");

        var response = await PortalWebFactory.PostLoginAsync(client, "owner@portal.local", PortalWebFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
