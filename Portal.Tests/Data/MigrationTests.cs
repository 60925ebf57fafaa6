using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

public sealed class MigrationTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Migrations_apply_to_an_empty_database_and_leave_none_pending(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var context = db.CreateContext();
        var all = context.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await context.Database.GetPendingMigrationsAsync());

        await context.Database.MigrateAsync();

        Assert.Equal(all, await context.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await context.Programs.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_model_has_no_change_that_a_migration_does_not_cover(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();

        Assert.False(context.Database.HasPendingModelChanges(),
            $"The {provider} model differs from its migrations: add a migration to migrations/Portal.Migrations.{provider}.");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Migrating_an_up_to_date_database_again_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        await db.MigrateAsync();

        await using var context = db.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Synchronous_SaveChanges_is_refused_because_audit_sealing_is_async(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();

        Assert.Throws<NotSupportedException>(() => context.SaveChanges());
    }

    [PostgresFact]
    public async Task On_PostgreSQL_the_Quartz_job_store_tables_exist_after_migration()
    {
        await using var db = await TestDatabase.CreatePostgresAsync();
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'qrtz\\_%' ORDER BY 1",
            connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));

        // The job-store tables the migration creates; whether Quartz accepts their columns is QuartzJobStoreTests' question.
        string[] required =
        [
            "qrtz_blob_triggers", "qrtz_calendars", "qrtz_cron_triggers", "qrtz_fired_triggers", "qrtz_job_details", "qrtz_locks",
            "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_simple_triggers", "qrtz_simprop_triggers", "qrtz_triggers",
        ];
        Assert.Empty(required.Except(tables));
    }
}
