using Portal.Data;

namespace Portal.Web.Hosting;

/// <summary>The provider and connection string read from configuration, resolved once at start-up.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// SQLite's journal, <c>Database:SqliteJournal</c>: "wal" (the default: write-ahead log, synchronous=NORMAL) or
    /// "rollback" (SQLite's own default, synchronous=FULL: every commit survives a power loss, at about a quarter less
    /// ingestion speed). ADR-026 weighs the two.
    /// </summary>
    public bool SqliteWriteAheadLog { get; init; }

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var provider = PortalDatabase.ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("Portal");
        if (provider == DatabaseProvider.Sqlite)
            return new(provider, PortalDatabase.PrepareSqlite(
                string.IsNullOrWhiteSpace(connectionString) ? PortalDatabase.DefaultSqliteConnectionString : connectionString, contentRoot))
            {
                SqliteWriteAheadLog = configuration["Database:SqliteJournal"]?.Trim().ToLowerInvariant() switch
                {
                    null or "" or "wal" => true,
                    "rollback" => false,
                    var other => throw new ArgumentException($"Database:SqliteJournal '{other}' is not supported; use 'wal' or 'rollback'."),
                },
            };

        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:Portal is empty. Set it, e.g. " +
                "ConnectionStrings__Portal=\"Host=db;Database=portal;Username=portal;Password=...\".");
        return new(provider, connectionString);
    }

    /// <summary>Where the database is, without credentials, for log lines and error messages.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
            return $"SQLite file {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        var b = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database '{b.Database}' on {b.Host}:{b.Port} as '{b.Username}'";
    }
}
