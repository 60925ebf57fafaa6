using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>What an operator sees when starting Portal: the ops command, seeding rules, and clear start-up failures.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Migrate_command_applies_migrations_and_exits_without_seeding_demo_data()
    {
        await using var database = await TestDatabase.CreateSqliteAsync(migrate: false);

        var outcome = await PortalCommand.RunAsync(Settings(database), "--migrate");

        Assert.Equal(0, outcome.ExitCode);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(7, await db.Roles.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.DoesNotContain("Now listening", outcome.Output);
    }

    [Fact]
    public async Task Bootstrap_administrator_is_created_when_demo_data_is_off()
    {
        await using var database = await TestDatabase.CreateSqliteAsync(migrate: false);
        var settings = Settings(database);
        settings["Portal:SeedDemoData"] = "false";
        settings["Portal:BootstrapAdmin:Email"] = "ops@example.com";
        settings["Portal:BootstrapAdmin:Password"] = "a-long-first-password";
        settings["Portal:MigrateOnStartup"] = "true";

        var outcome = await PortalCommand.RunAsync(settings, "--migrate");
        Assert.Equal(0, outcome.ExitCode);
        await using (var server = await PortalServer.StartAsync(settings, existing: database)) { }

        await using var db = database.CreateContext();
        var users = await db.Users.Select(u => new { u.Email, u.MustChangePassword }).ToListAsync();
        Assert.Equal([new { Email = (string?)"ops@example.com", MustChangePassword = true }], users);
        Assert.Equal(0, await db.Programs.CountAsync());
    }

    [Fact]
    public async Task Demo_data_is_never_seeded_into_a_database_that_has_users()
    {
        await using var database = await TestDatabase.CreateSqliteAsync(migrate: false);
        var settings = Settings(database);
        await using (var first = await PortalServer.StartAsync(settings, existing: database)) { }
        await using (var db = database.CreateContext())
        {
            var atlas = await db.Programs.SingleAsync(p => p.Name.StartsWith("Atlas"));
            db.Programs.Remove(atlas);
            await db.SaveChangesAsync();
        }

        await using (var second = await PortalServer.StartAsync(settings, existing: database)) { }

        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Programs.CountAsync());
        Assert.Equal(7, await check.Users.CountAsync());
    }

    [Fact]
    public async Task An_unreachable_postgres_server_gives_one_clear_line_and_exit_code_1()
    {
        var outcome = await PortalCommand.RunAsync(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = "Host=127.0.0.1;Port=1;Database=portal;Username=portal;Password=secret-password;Timeout=3",
        }, "--migrate");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Cannot use PostgreSQL database 'portal' on 127.0.0.1:1 as 'portal': the server is unreachable", outcome.Output);
        Assert.DoesNotContain("secret-password", outcome.Output);
        Assert.DoesNotContain("   at ", outcome.Output);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_gives_a_clear_message()
    {
        var folder = Directory.CreateTempSubdirectory("portal-bad-db");
        var path = Path.Combine(folder.FullName, "portal.db");
        await File.WriteAllTextAsync(path, "this is a spreadsheet export, not a database");

        var outcome = await PortalCommand.RunAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={path}",
        }, "--migrate");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("not a valid SQLite database", outcome.Output);
        Assert.DoesNotContain("   at ", outcome.Output);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_database_locked_by_another_process_gives_a_clear_message()
    {
        await using var database = await TestDatabase.CreateSqliteAsync(migrate: false);
        await using var holder = new SqliteConnection(database.ConnectionString);
        await holder.OpenAsync();
        await using (var pragma = holder.CreateCommand())
        {
            pragma.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE lock_holder(x); ";
            await pragma.ExecuteNonQueryAsync();
        }

        var settings = Settings(database);
        settings["ConnectionStrings:Portal"] = database.ConnectionString + ";Default Timeout=2";
        var outcome = await PortalCommand.RunAsync(settings, "--migrate");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("locked by another process", outcome.Output);
    }

    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider 'Oracle' is not supported; use 'Sqlite' or 'Postgres'.")]
    [InlineData("ConnectionStrings:Portal", "Data Source=/proc/portal-cannot-write-here/portal.db", "The folder for the SQLite database (/proc/portal-cannot-write-here) cannot be created")]
    public async Task Configuration_mistakes_stop_start_up_with_one_clear_line(string key, string value, string message)
    {
        var outcome = await PortalCommand.RunAsync(new Dictionary<string, string> { [key] = value }, "--migrate");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Portal cannot start: " + message, outcome.Output);
        Assert.DoesNotContain("   at ", outcome.Output);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_says_how_to_set_it()
    {
        var outcome = await PortalCommand.RunAsync(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = "",
        }, "--migrate");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Database:Provider is Postgres but ConnectionStrings:Portal is empty", outcome.Output);
    }

    private static Dictionary<string, string> Settings(TestDatabase database) => new()
    {
        ["ConnectionStrings:Portal"] = database.ConnectionString,
        ["Database:Provider"] = database.Provider.ToString(),
    };
}
