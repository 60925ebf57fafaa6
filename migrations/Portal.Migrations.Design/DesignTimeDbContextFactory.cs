using Microsoft.EntityFrameworkCore.Design;
using Portal.Data;

namespace Portal.Migrations.Design;

/// <summary>
/// Used only by `dotnet ef`. Pick the provider after `--` (`-- --provider Postgres`) or, for commands that take
/// no application arguments such as `migrations has-pending-model-changes`, with PORTAL_DESIGN_PROVIDER=Postgres.
/// No database is contacted to add migrations or check for pending model changes.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var index = Array.IndexOf(args, "--provider");
        var provider = PortalDatabase.ParseProvider(index >= 0 && index + 1 < args.Length
            ? args[index + 1]
            : Environment.GetEnvironmentVariable("PORTAL_DESIGN_PROVIDER") ?? "Sqlite");
        var connectionString = provider == DatabaseProvider.Postgres
            ? "Host=127.0.0.1;Database=portal_design;Username=portal"
            : "Data Source=design-time.db";
        return new PortalDbContext(PortalDatabase.Options(provider, connectionString));
    }
}
