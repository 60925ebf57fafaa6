using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Portal.Core.Security;

namespace Portal.Web.Features.Account;

/// <summary>
/// The 12-hour absolute session limit. The idle limit (30 minutes) is the cookie's sliding expiry; the sign-in
/// time travels as a claim so both the cookie handler and live Blazor circuits can check the absolute limit.
/// </summary>
public static class SessionLifetime
{
    public static Task StampSignInTime(CookieSigningInContext ctx)
    {
        if (ctx.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == PortalClaims.SignInTime))
        {
            var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            identity.AddClaim(new Claim(PortalClaims.SignInTime, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }
        return Task.CompletedTask;
    }

    public static void CarrySignInTime(ClaimsPrincipal? from, ClaimsPrincipal to)
    {
        var claim = from?.FindFirst(PortalClaims.SignInTime);
        if (claim is not null && to.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == PortalClaims.SignInTime))
            identity.AddClaim(new Claim(PortalClaims.SignInTime, claim.Value));
    }

    public static bool IsPastAbsoluteLimit(ClaimsPrincipal? principal, TimeProvider clock)
    {
        var value = principal?.FindFirst(PortalClaims.SignInTime)?.Value;
        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            return principal?.Identity?.IsAuthenticated == true; // a session without a sign-in time is not ours
        return clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > PasswordRules.AbsoluteSessionLifetime;
    }
}
