using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Milestones;
using Portal.Core.Security;
using Portal.Data.Identity;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.ApiTokens;

namespace Portal.Tests.Web;

/// <summary>Personal API tokens on /api: the token's user with their current roles, or 401 with WWW-Authenticate: Bearer.</summary>
public sealed class ApiTokenAuthenticationTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task A_bearer_token_acts_as_its_user_and_records_last_use_and_an_audit_entry()
    {
        var (user, secret) = await IssueAsync("viewer@portal.local");

        var response = await BearerClient(secret).GetAsync("/api/me");
        using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Jordan Blake", me.RootElement.GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await BearerClient(secret).GetAsync("/api/programs")).StatusCode);
        await using var db = factory.CreateDbContext();
        var token = await db.PersonalApiTokens.SingleAsync(t => t.SecretHash == PersonalApiToken.Hash(secret));
        Assert.NotNull(token.LastUsedUtc);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ApiTokenCreated" && a.EntityId == token.Id.ToString() && a.ActorUserId == user.Id));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.NewValues!.Contains(secret) || a.OldValues!.Contains(secret)));
    }

    [Fact]
    public async Task A_revoked_token_is_401_and_the_revocation_is_audited()
    {
        var (user, secret) = await IssueAsync("change@portal.local");
        var service = factory.Services.GetRequiredService<ApiTokenService>();
        var id = (await service.ListAsync(user)).Single(t => secret.StartsWith(t.DisplayPrefix)).Id;

        Assert.True(await service.RevokeAsync(user, id));

        await AssertUnauthorizedAsync(await BearerClient(secret).GetAsync("/api/me"));
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ApiTokenRevoked" && a.EntityId == id.ToString()));
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var user = await CurrentUserAsync("it@portal.local");
        var issued = PersonalApiToken.Create(user.Id, "old", 30, 0, DateTimeOffset.UtcNow.AddDays(-31)).Value;
        await using (var db = factory.CreateDbContext())
        {
            db.PersonalApiTokens.Add(issued.Token);
            await db.SaveChangesAsync();
        }

        await AssertUnauthorizedAsync(await BearerClient(issued.Secret).GetAsync("/api/me"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("pat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_garbage_or_unknown_token_is_401_problem_with_a_bearer_challenge(string secret) =>
        await AssertUnauthorizedAsync(await BearerClient(secret).GetAsync("/api/me"));

    [Fact]
    public async Task Without_a_token_or_cookie_the_api_is_still_401_and_pages_still_redirect_to_login()
    {
        var client = factory.CreateBrowserLikeClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        var page = await client.GetAsync("/Account/Profile");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignedInClientAsync("sponsor@portal.local")).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_of_a_locked_out_user_is_401()
    {
        var (_, secret) = await IssueAsync("admin@portal.local");
        Assert.Equal(HttpStatusCode.OK, (await BearerClient(secret).GetAsync("/api/me")).StatusCode);
        await WithUserAsync("admin@portal.local", (users, u) => users.SetLockoutEndDateAsync(u, DateTimeOffset.UtcNow.AddHours(1)));

        await AssertUnauthorizedAsync(await BearerClient(secret).GetAsync("/api/me"));
    }

    [Fact]
    public async Task Role_changes_take_effect_on_the_next_call_with_an_existing_token()
    {
        // The viewer is a Viewer member of Atlas: refused (403) unless an Administrator, who reaches the gate (409, unmet criteria).
        var (_, secret) = await IssueAsync("viewer@portal.local");
        await using var db = factory.CreateDbContext();
        var pilot = await db.Milestones.Where(m => m.Kind == MilestoneKind.Technical && db.Phases.Any(p => p.Id == m.PhaseId && p.Name == "Pilot"
            && db.Programs.Any(pr => pr.Id == p.ProgramId && pr.Name.StartsWith("Atlas")))).Select(m => m.Id).SingleAsync();
        Task<HttpResponseMessage> Complete() => BearerClient(secret).PostAsJsonAsync($"/api/milestones/{pilot}/complete", new { });

        await WithUserAsync("viewer@portal.local", (users, u) => users.AddToRoleAsync(u, PortalRoles.Administrator));
        Assert.Equal(HttpStatusCode.Conflict, (await Complete()).StatusCode);

        await WithUserAsync("viewer@portal.local", (users, u) => users.RemoveFromRoleAsync(u, PortalRoles.Administrator));
        Assert.Equal(HttpStatusCode.Forbidden, (await Complete()).StatusCode);
    }

    [Fact]
    public async Task The_eleventh_active_token_is_refused_with_a_field_error()
    {
        var user = await CurrentUserAsync("owner@portal.local");
        var service = factory.Services.GetRequiredService<ApiTokenService>();
        for (var i = 0; i < PersonalApiToken.MaxActivePerUser; i++)
            Assert.True((await service.CreateAsync(user, $"t{i}", 30)).Succeeded);

        var refused = await service.CreateAsync(user, "one more", 30);

        Assert.Equal("Name", Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_the_bearer_scheme()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(text);
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/milestones/{id}/complete", out _));
        Assert.Contains("bearer", text);
    }

    private HttpClient BearerClient(string secret)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(CurrentUser User, string Secret)> IssueAsync(string email)
    {
        var user = await CurrentUserAsync(email);
        var result = await factory.Services.GetRequiredService<ApiTokenService>().CreateAsync(user, "test " + Guid.NewGuid().ToString("N")[..6], 30);
        return (user, result.Value.Secret);
    }

    private async Task<CurrentUser> CurrentUserAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        return new CurrentUser(user.Id, user.DisplayName, (await users.GetRolesAsync(user)).ToHashSet());
    }

    private async Task WithUserAsync(string email, Func<UserManager<PortalUser>, PortalUser, Task<IdentityResult>> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        Assert.True((await change(users, user)).Succeeded);
    }
}
