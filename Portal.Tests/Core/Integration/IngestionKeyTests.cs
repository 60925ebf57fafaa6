using Portal.Core.Integration;
using Portal.Core.Security;

namespace Portal.Tests.Core.Integration;

/// <summary>What an ingestion key covers, how its secret is kept, revocation and the throttled last-used time.</summary>
public sealed class IngestionKeyTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Connection Connection(string key, string source, int id)
    {
        var c = global::Portal.Core.Integration.Connection.Register(ConnectionTests.Program(), ConnectionTests.Draft(key) with { SourceSystem = source },
            false, Now).Value;
        typeof(Connection).GetProperty(nameof(c.Id))!.SetValue(c, id); // as the database would
        return c;
    }

    [Fact]
    public void A_secret_is_shown_once_and_only_its_hash_and_prefix_are_kept()
    {
        var issued = IngestionKey.Create(Connection("erp-ppm-actuals", "ERP", 1), false, null, "u-it", Now).Value;
        Assert.StartsWith(IngestionKey.SecretPrefix, issued.Secret);
        Assert.Equal(SecretHashing.Hash(issued.Secret), issued.Key.SecretHash);
        Assert.Equal(issued.Secret[..IngestionKey.DisplayPrefixLength], issued.Key.DisplayPrefix);
        Assert.Equal("erp-ppm-actuals", issued.Key.Name);
    }

    [Fact]
    public void A_connection_key_covers_its_connection_and_a_source_system_key_its_siblings()
    {
        var actuals = Connection("erp-ppm-actuals", "ERP", 1);
        var commitments = Connection("po-commitments", "erp", 2);
        var timesheets = Connection("timesheets", "PSA", 3);
        var single = IngestionKey.Create(actuals, false, null, "u-it", Now).Value.Key;
        var erp = IngestionKey.Create(actuals, true, "ERP middleware", "u-it", Now).Value.Key;

        Assert.Equal([true, false, false], new[] { actuals, commitments, timesheets }.Select(single.Covers));
        Assert.Equal([true, true, false], new[] { actuals, commitments, timesheets }.Select(erp.Covers));
        erp.Revoke(Now);
        Assert.False(erp.Covers(actuals));
    }

    [Fact]
    public void Last_used_is_written_at_most_once_a_minute()
    {
        var key = IngestionKey.Create(Connection("erp-ppm-actuals", "ERP", 1), false, null, "u-it", Now).Value.Key;
        Assert.True(key.MarkUsed(Now));
        Assert.False(key.MarkUsed(Now.AddSeconds(59)));
        Assert.True(key.MarkUsed(Now.AddMinutes(1)));
    }
}
