using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Security;
using Portal.Data;
using Portal.Data.Identity;

namespace Portal.Web.Features.ApiTokens;

/// <summary>
/// Authenticates `Authorization: Bearer pat_...` as the token's user, with the roles the user has now (the principal is
/// built by the same factory as the sign-in cookie's). Expired, revoked, locked-out or deleted: no principal.
/// The secret is never logged; only the hash is looked up.
/// </summary>
public sealed class PersonalApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<PortalDbContext> dbFactory, UserManager<PortalUser> users, IUserClaimsPrincipalFactory<PortalUser> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalApiToken";
    /// <summary>The /api scheme: bearer when the request carries a bearer token, otherwise the sign-in cookie.</summary>
    public const string ApiScheme = "PortalApi";

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request))
            return AuthenticateResult.NoResult();
        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (!PersonalApiToken.LooksLikeSecret(secret))
            return AuthenticateResult.Fail("Malformed token.");

        var now = clock.GetUtcNow();
        var hash = PersonalApiToken.Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var token = await db.PersonalApiTokens.SingleOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        if (token is null || !token.IsUsableAt(now))
            return AuthenticateResult.Fail("Unknown, expired or revoked token.");
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
            return AuthenticateResult.Fail("The token's user cannot sign in.");

        if (token.MarkUsed(now))
            await db.SaveChangesAsync(Context.RequestAborted);

        var built = await principals.CreateAsync(user);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(built.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // The body is written by the /api status-code pages as problem details.
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
