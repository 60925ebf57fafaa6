using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A real database with migrations applied, owned by one test (class) and removed afterwards. It is also the context
/// factory services take, so a service under test runs against it as it would in the app.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDbContextFactory<PortalDbContext>
{
    private readonly Func<Task> _drop;

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public PortalDbContext CreateContext() => new(PortalDatabase.Options(Provider, ConnectionString));

    PortalDbContext IDbContextFactory<PortalDbContext>.CreateDbContext() => CreateContext();

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true) =>
        provider == DatabaseProvider.Sqlite ? CreateSqliteAsync(migrate) : CreatePostgresAsync(migrate);

    public static async Task<TestDatabase> CreateSqliteAsync(bool migrate = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "portal.db"), Pooling = false }.ToString();
        var db = new TestDatabase(DatabaseProvider.Sqlite, cs, () =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            return Task.CompletedTask;
        });
        if (migrate)
            await db.MigrateAsync();
        return db;
    }

    /// <param name="adminConnectionString">Another cluster than PORTAL_TEST_POSTGRES (e.g. a test's private one).</param>
    public static async Task<TestDatabase> CreatePostgresAsync(bool migrate = true, string? adminConnectionString = null)
    {
        var admin = adminConnectionString ?? TestEnvironment.PostgresAdminConnectionString
            ?? throw new InvalidOperationException("PORTAL_TEST_POSTGRES is not set; run the tests through scripts/test.sh.");
        var name = "portal_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString();
        var db = new TestDatabase(DatabaseProvider.Postgres, cs, async () =>
        {
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        });
        if (migrate)
            await db.MigrateAsync();
        return db;
    }

    public async Task MigrateAsync()
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync() => await _drop();
}
