using Microsoft.EntityFrameworkCore;
using Portal.Core.Security;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

public sealed class PersonalApiTokenPersistenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory, SqliteData, PostgresData]
    public async Task A_token_round_trips_by_its_hash_and_goes_with_its_user(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = new UserBuilder().Build();
        var issued = PersonalApiToken.Create(user.Id, "CI", 90, 0, Now).Value;
        issued.Token.MarkUsed(Now.AddHours(1));
        issued.Token.Revoke(Now.AddHours(2));
        await using (var context = db.CreateContext())
        {
            context.Users.Add(user);
            context.PersonalApiTokens.Add(issued.Token);
            await context.SaveChangesAsync();
        }

        await using (var read = db.CreateContext())
        {
            var hash = PersonalApiToken.Hash(issued.Secret);
            var loaded = await read.PersonalApiTokens.SingleAsync(t => t.SecretHash == hash);
            Assert.Equal((user.Id, "CI", issued.Secret[..12]), (loaded.UserId, loaded.Name, loaded.DisplayPrefix));
            Assert.Equal((Now, Now.AddDays(90)), (loaded.CreatedUtc, loaded.ExpiresUtc));
            Assert.Equal((Now.AddHours(1), Now.AddHours(2)), (loaded.LastUsedUtc!.Value, loaded.RevokedUtc!.Value));
            Assert.Equal(1, await read.PersonalApiTokens.CountAsync(t => t.UserId == user.Id && t.RevokedUtc != null && t.ExpiresUtc > Now));
            read.Users.Remove(await read.Users.SingleAsync(u => u.Id == user.Id));
            await read.SaveChangesAsync();
        }

        await using var after = db.CreateContext();
        Assert.False(await after.PersonalApiTokens.AnyAsync());
    }
}
