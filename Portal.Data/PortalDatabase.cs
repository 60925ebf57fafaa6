using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>One place that knows how each provider is configured, used by the app, the design-time factory and tests.</summary>
public static class PortalDatabase
{
    public const string SqliteMigrationsAssembly = "Portal.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Portal.Migrations.Postgres";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/portal.db";

    /// <param name="sqliteWriteAheadLog">SQLite only: WAL journal with synchronous=NORMAL instead of the rollback journal (ADR-026).</param>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString,
        bool sqliteWriteAheadLog = false) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(sqliteWriteAheadLog ? SqliteBusyTimeout.WithWriteAheadLog : SqliteBusyTimeout.Instance),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    public static DbContextOptions<PortalDbContext> Options(DatabaseProvider provider, string connectionString, bool sqliteWriteAheadLog = false) =>
        (DbContextOptions<PortalDbContext>)Configure(new DbContextOptionsBuilder<PortalDbContext>(), provider, connectionString, sqliteWriteAheadLog).Options;

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new ArgumentException($"Database:Provider '{value}' is not supported; use 'Sqlite' or 'Postgres'."),
    };

    /// <summary>
    /// Makes a relative SQLite path relative to <paramref name="baseDirectory"/> and creates its folder,
    /// so the database lands in the same place whatever the working directory.
    /// </summary>
    public static string PrepareSqlite(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            return connectionString;
        if (!Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
        var folder = Path.GetDirectoryName(builder.DataSource);
        try
        {
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"The folder for the SQLite database ({folder}) cannot be created: {ex.Message}", ex);
        }
        return builder.ConnectionString;
    }
}
