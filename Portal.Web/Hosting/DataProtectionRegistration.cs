using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.DataProtection;

namespace Portal.Web.Hosting;

/// <summary>
/// Data-protection keys live in the database (ADR-027), so the sign-in cookie, antiforgery tokens and Blazor circuit
/// state protected by one node are read by every other node, and survive redeploys of a node's file system.
/// </summary>
public static class DataProtectionRegistration
{
    /// <summary>Fixed, so that nodes installed in different folders still share one key ring.</summary>
    public const string ApplicationName = "Portal";

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IDbContextFactory<PortalDbContext>>())));
        return services;
    }
}

/// <summary>
/// The key manager's store: one row per key element. The key manager only adds elements (a revocation is a new
/// element too), so there is nothing to update or delete. Its interface is synchronous; it is called when the key
/// ring is loaded or a key is created (rarely), never per request.
/// </summary>
internal sealed class DatabaseXmlRepository(IDbContextFactory<PortalDbContext> dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        // PortalDbContext only saves asynchronously (audit sealing); no synchronization context here to deadlock on.
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
