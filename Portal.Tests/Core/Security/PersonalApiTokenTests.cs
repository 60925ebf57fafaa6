using Portal.Core.Security;

namespace Portal.Tests.Core.Security;

public sealed class PersonalApiTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static IssuedApiToken Issue(int days = 30, int active = 0) =>
        PersonalApiToken.Create("user-1", "  CI pipeline ", days, active, Now).Value;

    [Fact]
    public void A_new_token_has_a_pat_secret_of_32_random_bytes_and_keeps_only_its_hash_and_prefix()
    {
        var issued = Issue();

        Assert.StartsWith("pat_", issued.Secret);
        Assert.Equal(4 + 43, issued.Secret.Length);
        Assert.True(PersonalApiToken.LooksLikeSecret(issued.Secret));
        Assert.Equal(PersonalApiToken.Hash(issued.Secret), issued.Token.SecretHash);
        Assert.Equal(64, issued.Token.SecretHash.Length);
        Assert.DoesNotContain(issued.Secret[4..], issued.Token.SecretHash);
        Assert.Equal(issued.Secret[..12], issued.Token.DisplayPrefix);
        Assert.Equal("CI pipeline", issued.Token.Name);
        Assert.Equal((Now, Now.AddDays(30)), (issued.Token.CreatedUtc, issued.Token.ExpiresUtc));
        Assert.NotEqual(issued.Secret, Issue().Secret);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(366)]
    public void The_lifetime_must_be_between_one_day_and_a_year(int days)
    {
        var result = PersonalApiToken.Create("user-1", "x", days, 0, Now);

        Assert.Equal("LifetimeDays", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void A_name_is_required_and_limited_and_all_errors_come_at_once()
    {
        var result = PersonalApiToken.Create("user-1", " ", 400, 0, Now);
        var tooLong = PersonalApiToken.Create("user-1", new string('n', PersonalApiToken.MaxNameLength + 1), 30, 0, Now);

        Assert.Equal(["Name", "LifetimeDays"], result.Errors.Select(e => e.Field));
        Assert.Equal("Name", Assert.Single(tooLong.Errors).Field);
    }

    [Fact]
    public void The_eleventh_active_token_is_refused_with_a_field_error()
    {
        Assert.True(PersonalApiToken.Create("user-1", "x", 30, PersonalApiToken.MaxActivePerUser - 1, Now).Succeeded);

        var refused = PersonalApiToken.Create("user-1", "x", 30, PersonalApiToken.MaxActivePerUser, Now);

        Assert.Contains("revoke one", Assert.Single(refused.Errors).Message);
    }

    [Fact]
    public void A_token_is_usable_until_it_expires_or_is_revoked()
    {
        var token = Issue(days: 30).Token;

        Assert.True(token.IsUsableAt(Now.AddDays(29)));
        Assert.False(token.IsUsableAt(Now.AddDays(30)));

        token.Revoke(Now.AddDays(1));
        token.Revoke(Now.AddDays(2));

        Assert.False(token.IsUsableAt(Now.AddDays(1)));
        Assert.Equal(Now.AddDays(1), token.RevokedUtc);
    }

    [Fact]
    public void Last_used_is_written_at_most_once_a_minute()
    {
        var token = Issue().Token;

        Assert.True(token.MarkUsed(Now));
        Assert.False(token.MarkUsed(Now.AddSeconds(59)));
        Assert.True(token.MarkUsed(Now.AddSeconds(61)));
        Assert.Equal(Now.AddSeconds(61), token.LastUsedUtc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pat_")]
    [InlineData("garbage")]
    [InlineData("pat_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP+/=")]
    [InlineData("xyz_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ")]
    public void Strings_that_are_not_token_shaped_are_recognised(string value) =>
        Assert.False(PersonalApiToken.LooksLikeSecret(value));
}
