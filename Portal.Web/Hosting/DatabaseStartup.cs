using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Data;
using Portal.Web.Demo;

namespace Portal.Web.Hosting;

/// <summary>
/// Brings the database up to date before the site takes requests, and turns the failures an operator can fix
/// (unreachable server, locked or unreadable file) into one clear log line instead of a stack trace.
/// </summary>
public static class DatabaseStartup
{
    /// <summary>Returns false (after logging why) when the database cannot be prepared.</summary>
    public static async Task<bool> PrepareAsync(IServiceProvider services, bool migrate, bool seed, CancellationToken ct = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.Database");
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var pending = await PendingMigrationsAsync(db, createHistory: migrate, ct);
            if (migrate)
            {
                if (pending.Count > 0)
                {
                    logger.LogInformation("Applying {Count} migration(s) to {Database}: {Migrations}", pending.Count, settings.Describe(), string.Join(", ", pending));
                    await db.Database.MigrateAsync(ct);
                }
                else
                    logger.LogInformation("{Database} is up to date", settings.Describe());
            }
            else if (pending.Count > 0)
            {
                logger.LogCritical("{Database} has pending migrations and Portal:MigrateOnStartup is false. Run `Portal.Web --migrate` first.", settings.Describe());
                return false;
            }

            var seeder = scope.ServiceProvider.GetRequiredService<InitialDataSeeder>();
            if (seed)
                await seeder.SeedAsync(ct);
            else
                await seeder.EnsureRolesAsync();
            return true;
        }
        catch (Exception ex) when (Describe(ex) is { } problem)
        {
            logger.LogCritical("Cannot use {Database}: {Problem}", settings.Describe(), problem);
            return false;
        }
    }

    /// <summary>
    /// When migrating, creates the (empty) history table first: on a new database EF would otherwise log failed
    /// queries against it at error level before creating it, which reads like a fault in the operator's log.
    /// </summary>
    private static async Task<List<string>> PendingMigrationsAsync(PortalDbContext db, bool createHistory, CancellationToken ct)
    {
        if (createHistory)
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        return (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
    }

    private static string? Describe(Exception ex) => ex switch
    {
        NpgsqlException { InnerException: System.Net.Sockets.SocketException se } =>
            $"the server is unreachable ({se.SocketErrorCode}). Check that PostgreSQL is running and the host and port are right.",
        PostgresException pg when pg.SqlState == "28P01" => "the password was rejected (28P01).",
        PostgresException pg when pg.SqlState == "3D000" => "the database does not exist (3D000); create it first.",
        PostgresException pg => $"PostgreSQL refused: {pg.MessageText} ({pg.SqlState}).",
        NpgsqlException npg => $"cannot connect: {npg.Message}",
        SqliteException { SqliteErrorCode: 5 or 6 } => "the file is locked by another process (SQLITE_BUSY). Stop the other Portal instance or tool holding it.",
        SqliteException { SqliteErrorCode: 14 } => "the file cannot be opened (SQLITE_CANTOPEN). Check the path and that the folder is writable.",
        SqliteException { SqliteErrorCode: 8 } => "the file is read-only (SQLITE_READONLY). Check file permissions.",
        SqliteException { SqliteErrorCode: 26 or 11 } => "the file is not a valid SQLite database or is corrupt.",
        SqliteException sq => $"SQLite error {sq.SqliteErrorCode}: {sq.Message}",
        TimeoutException => "the connection timed out.",
        // EF's execution strategies wrap provider failures ("likely due to a transient failure"): explain the cause.
        InvalidOperationException or DbUpdateException { InnerException: not null } when ex.InnerException is { } inner => Describe(inner),
        _ => null,
    };
}
