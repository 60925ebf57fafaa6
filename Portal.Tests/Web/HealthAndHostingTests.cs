using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

public sealed class HealthAndHostingTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task Health_reports_database_and_scheduler()
    {
        var response = await factory.CreateClient().GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["database", "scheduler"], checks);
    }

    [Fact]
    public async Task The_blazor_client_script_is_served_without_being_committed()
    {
        var response = await factory.CreateClient().GetAsync("/_framework/blazor.web.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Blazor", script);
        Assert.False(File.Exists(Path.Combine(TestEnvironment.RepositoryRoot, "Portal.Web", "wwwroot", "_framework", "blazor.web.js")));
    }

    [Theory]
    [InlineData("/app.css")]
    [InlineData("/_content/Radzen.Blazor/Radzen.Blazor.js")]
    [InlineData("/Account/Login")]
    public async Task Login_page_and_its_assets_need_no_session(string path)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await factory.CreateClient().GetAsync("/Account/Login");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public void Identity_enforces_the_account_policy()
    {
        var options = factory.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;

        Assert.Equal(12, options.Password.RequiredLength);
        Assert.Equal(5, options.Lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Lockout.DefaultLockoutTimeSpan);
        Assert.True(options.User.RequireUniqueEmail);
    }

    [Fact]
    public void The_session_cookie_expires_after_30_idle_minutes_and_slides_with_activity()
    {
        var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(TimeSpan.FromMinutes(30), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
        Assert.True(cookie.Cookie.HttpOnly);
        Assert.Equal("/Account/Login", cookie.LoginPath);
    }

    [Fact]
    public async Task Unknown_pages_get_a_friendly_404()
    {
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var response = await client.GetAsync("/no/such/page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", html);
    }
}
