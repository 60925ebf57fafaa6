using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Portal.Tests.Infrastructure;
using Portal.Web.Hosting;

namespace Portal.Tests.Web;

/// <summary>ADR-026: SQLite runs with the write-ahead log unless Database:SqliteJournal says "rollback".</summary>
public sealed class SqliteJournalTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("wal", true)]
    [InlineData(" WAL ", true)]
    [InlineData("rollback", false)]
    public void The_journal_setting_defaults_to_the_write_ahead_log(string? value, bool wal)
    {
        var settings = DatabaseSettings.From(Configuration(value), Path.GetTempPath());

        Assert.Equal(wal, settings.SqliteWriteAheadLog);
    }

    [Fact]
    public void An_unknown_journal_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => DatabaseSettings.From(Configuration("memory"), Path.GetTempPath()));

        Assert.Contains("Database:SqliteJournal 'memory'", error.Message);
    }

    [Fact]
    public async Task The_running_app_writes_its_file_in_wal_mode()
    {
        _ = factory.Server; // started, migrated and seeded
        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    private static IConfiguration Configuration(string? journal) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Portal"] = "Data Source=journal-test.db",
        ["Database:SqliteJournal"] = journal,
    }).Build();
}
