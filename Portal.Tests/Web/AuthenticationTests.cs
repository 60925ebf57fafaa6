using System.Net;
using System.Net.Http.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

public sealed class AuthenticationTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task App_pages_redirect_anonymous_users_to_the_login_page()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/portfolio");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        Assert.Contains("ReturnUrl=%2Fportfolio", response.Headers.Location!.Query);
    }

    [Theory]
    [InlineData("/api/me")]
    [InlineData("/api/programs")]
    [InlineData("/api/programs/1")]
    public async Task Api_answers_401_not_a_login_page(string path)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Login_with_the_form_sets_a_session_that_the_api_accepts()
    {
        var client = await factory.SignedInClientAsync("pmo@portal.local");

        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");

        Assert.Equal("Priya Natarajan", me!.DisplayName);
        Assert.Equal(["PmoLead"], me.Roles);
    }

    [Fact]
    public async Task Wrong_password_shows_a_message_without_saying_which_part_was_wrong()
    {
        var response = await PortalWebFactory.PostLoginAsync(factory.CreateBrowserLikeClient(), "sponsor@portal.local", "not-the-password-123");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is not correct.", html);
        Assert.DoesNotContain("Set-Cookie", response.Headers.ToString().Replace("Antiforgery", ""), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_tampered_antiforgery_token_is_refused_with_a_friendly_page()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await PortalWebFactory.PostLoginAsync(client, "owner@portal.local",
            PortalWebFactory.DemoPassword, tokenOverride: "CfDJ8-tampered-token");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        var page = await client.GetAsync(response.Headers.Location);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("security token did not match", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("   at ", html);
    }

    [Fact]
    public async Task Logout_requires_the_antiforgery_token()
    {
        var client = await factory.SignedInClientAsync("change@portal.local");

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/error/400", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode); // still signed in
    }

    private sealed record MeResponse(string Id, string DisplayName, string[] Roles);
}
