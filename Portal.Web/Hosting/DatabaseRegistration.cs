using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Web.Hosting;

public static class DatabaseRegistration
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, DatabaseSettings database)
    {
        // Blazor Server components use the factory (one context per operation); Identity's stores use the
        // scoped context that AddDbContextFactory also registers.
        services.AddDbContextFactory<PortalDbContext>(o => PortalDatabase.Configure(o, database.Provider, database.ConnectionString, database.SqliteWriteAheadLog));
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
