using System.Security.Claims;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;

namespace Portal.Tests.Web;

public sealed class SessionLifetimeTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, false)]
    [InlineData(11 * 60 + 59, false)]
    [InlineData(12 * 60, false)]
    [InlineData(12 * 60 + 1, true)]
    public void A_session_ends_twelve_hours_after_sign_in_whatever_the_activity(int minutesLater, bool expired)
    {
        var clock = new FakeClock(SignedIn.AddMinutes(minutesLater));

        Assert.Equal(expired, SessionLifetime.IsPastAbsoluteLimit(Principal(SignedIn), clock));
    }

    [Fact]
    public void An_authenticated_session_without_a_sign_in_time_is_treated_as_expired()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "cookie"));

        Assert.True(SessionLifetime.IsPastAbsoluteLimit(principal, new FakeClock(SignedIn)));
    }

    [Fact]
    public void Refreshing_the_principal_keeps_the_original_sign_in_time()
    {
        var refreshed = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "cookie"));

        SessionLifetime.CarrySignInTime(Principal(SignedIn), refreshed);

        Assert.Equal(SignedIn.ToUnixTimeSeconds().ToString(), refreshed.FindFirst(PortalClaims.SignInTime)!.Value);
    }

    private static ClaimsPrincipal Principal(DateTimeOffset signedIn) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, "u1"),
        new Claim(PortalClaims.SignInTime, signedIn.ToUnixTimeSeconds().ToString()),
    ], "cookie"));
}
