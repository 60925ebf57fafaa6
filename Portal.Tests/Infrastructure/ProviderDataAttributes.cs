using System.Reflection;
using Portal.Data;
using Xunit.Sdk;

namespace Portal.Tests.Infrastructure;

// Every data test is a theory over the provider, marked [Theory, SqliteData, PostgresData]: one body, two
// rows, and the PostgreSQL row skips (or fails under CI=true) exactly like [PostgresFact].

/// <summary>Runs the theory on a fresh SQLite file.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Sqlite]];
}

/// <summary>Runs the theory on a fresh PostgreSQL database from the cluster in PORTAL_TEST_POSTGRES.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (TestEnvironment.PostgresAdminConnectionString is null && !TestEnvironment.IsCi)
            Skip = "PostgreSQL not available: set PORTAL_TEST_POSTGRES (scripts/test.sh starts a throwaway cluster).";
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Postgres]];
}
