namespace Portal.Tests.Infrastructure;

/// <summary>
/// What the machine offers the tests. scripts/test.sh sets PORTAL_TEST_POSTGRES and PORTAL_TEST_CHROMIUM
/// after installing and starting what is missing. Locally a missing service skips its tests with a reason;
/// under CI=true the tests run anyway and fail, so CI can never pass by skipping.
/// </summary>
public static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Admin connection string of a throwaway PostgreSQL cluster; tests create and drop their own databases.</summary>
    public static string? PostgresAdminConnectionString => Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable("PORTAL_TEST_CHROMIUM") is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A test that needs the PostgreSQL cluster from scripts/test.sh.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestEnvironment.PostgresAdminConnectionString is null && !TestEnvironment.IsCi)
            Skip = "PostgreSQL not available: set PORTAL_TEST_POSTGRES (scripts/test.sh starts a throwaway cluster).";
    }
}

public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (TestEnvironment.PostgresAdminConnectionString is null && !TestEnvironment.IsCi)
            Skip = "PostgreSQL not available: set PORTAL_TEST_POSTGRES (scripts/test.sh starts a throwaway cluster).";
    }
}

/// <summary>A Playwright test that needs Chromium (Debian's package, /usr/bin/chromium).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (TestEnvironment.ChromiumPath is null && !TestEnvironment.IsCi)
            Skip = "Chromium not installed: scripts/test.sh installs it (apt package chromium) when run as root.";
    }
}

/// <summary>A Playwright theory that needs Chromium; skips locally without it, fails under CI=true.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (TestEnvironment.ChromiumPath is null && !TestEnvironment.IsCi)
            Skip = "Chromium not installed: scripts/test.sh installs it (apt package chromium) when run as root.";
    }
}
