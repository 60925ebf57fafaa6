using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Hosting;

namespace Portal.Tests.Data;

/// <summary>The data-protection key ring kept in the database (ADR-027), as two nodes with their own services see it.</summary>
public sealed class DataProtectionKeyStoreTests
{
    [Theory, SqliteData, PostgresData]
    public async Task A_key_element_stored_by_one_repository_is_read_back_whole_by_another(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var element = new XElement("key", new XAttribute("id", "4b7c"), new XElement("secret", "not-for-logs"));
        new DatabaseXmlRepository(db).StoreElement(element, "key-4b7c");

        var read = new DatabaseXmlRepository(db).GetAllElements();

        Assert.Single(read);
        Assert.True(XNode.DeepEquals(element, read.Single()));
        await using var context = db.CreateContext();
        Assert.Equal("key-4b7c", (await context.DataProtectionKeys.SingleAsync()).FriendlyName);
    }

    [Theory, SqliteData, PostgresData]
    public async Task What_one_node_protects_another_node_with_its_own_services_unprotects(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var nodeA = Node(db);
        await using var nodeB = Node(db);

        var secret = nodeA.GetDataProtector("cookie").Protect("signed in as pmo@portal.local");

        Assert.Equal("signed in as pmo@portal.local", nodeB.GetDataProtector("cookie").Unprotect(secret));
        Assert.Single(nodeB.GetRequiredService<IKeyManager>().GetAllKeys()); // B used A's key rather than making its own
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_node_that_meets_a_key_made_by_another_node_after_it_loaded_its_ring_reloads_and_reads_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var nodeA = Node(db);
        await using var nodeB = Node(db);
        nodeB.GetDataProtector("cookie").Protect("B's ring is loaded and cached now");

        // Two nodes started together on an empty table can each make a key: A now protects with a key B has never seen.
        nodeA.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(90));
        var secret = nodeA.GetDataProtector("cookie").Protect("made with A's newer key");

        Assert.Equal("made with A's newer key", nodeB.GetDataProtector("cookie").Unprotect(secret));
        await using var context = db.CreateContext();
        Assert.Equal(2, await context.DataProtectionKeys.CountAsync());
    }

    private static ServiceProvider Node(TestDatabase db)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<PortalDbContext>(o => PortalDatabase.Configure(o, db.Provider, db.ConnectionString));
        services.AddPortalDataProtection();
        return services.BuildServiceProvider();
    }

}
