using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Auditing;
using Portal.Core.Security;
using Portal.Data.Auditing;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;

namespace Portal.Tests.Web;

/// <summary>The audit trail's filters narrow results on the server, and its access rules hold whatever the page shows.</summary>
public sealed class AuditTrailServiceTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private AuditTrailService Audit => factory.Services.GetRequiredService<AuditTrailService>();

    [Fact]
    public async Task Program_entity_type_and_date_range_each_narrow_the_results()
    {
        var type = "FilterProbe" + Guid.NewGuid().ToString("N")[..8];
        var (atlas, harbor) = (await factory.ProgramIdAsync("Atlas"), await factory.ProgramIdAsync("Harbor"));
        await AuditAsync(new AuditEvent(null, "Ann Filter", type, "1", "Changed", atlas), new DateTimeOffset(2025, 1, 10, 23, 59, 0, TimeSpan.Zero));
        await AuditAsync(new AuditEvent(null, "Ben Filter", type, "2", "Changed", harbor), new DateTimeOffset(2025, 2, 15, 12, 0, 0, TimeSpan.Zero));
        await AuditAsync(new AuditEvent(null, "Ann Filter", type, "3", "Changed", atlas), new DateTimeOffset(2025, 3, 20, 0, 0, 0, TimeSpan.Zero));
        await AuditAsync(new AuditEvent(null, "Ann Filter", "Other" + type, "4", "Changed", atlas), new DateTimeOffset(2025, 2, 15, 12, 0, 0, TimeSpan.Zero));
        var admin = await factory.DemoUserAsync("admin@portal.local");

        Assert.Equal(["3", "2", "1"], await IdsAsync(admin, new AuditFilter(EntityType: type)));
        Assert.Equal(["3", "1"], await IdsAsync(admin, new AuditFilter(ProgramId: atlas, EntityType: type)));
        Assert.Equal(["2", "1"], await IdsAsync(admin, new AuditFilter(EntityType: type, FromUtc: new(2025, 1, 10), ToUtc: new(2025, 2, 15))));
        Assert.Equal(["3"], await IdsAsync(admin, new AuditFilter(EntityType: type, FromUtc: new(2025, 3, 20))));
        Assert.Equal(["2"], await IdsAsync(admin, new AuditFilter(Actor: "ben f", EntityType: type)));
        Assert.Contains(type, await Audit.EntityTypesAsync(admin));
    }

    [Fact]
    public async Task A_pmo_lead_sees_only_their_programs_and_others_are_refused()
    {
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var viewer = await factory.DemoUserAsync("viewer@portal.local");

        var page = await Audit.PageAsync(pmo, new AuditFilter(), 0, 200);

        Assert.All(page.Rows, r => Assert.NotNull(r.ProgramId));
        Assert.DoesNotContain(page.Rows, r => r.Action == "DemoDataSeeded");
        Assert.Equal(2, (await Audit.ProgramsAsync(pmo)).Count);
        Assert.False(await Audit.CanAuditAsync(viewer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Audit.PageAsync(viewer, new AuditFilter(), 0, 50));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Audit.VerifyAsync(pmo));
    }

    private async Task<string[]> IdsAsync(CurrentUser user, AuditFilter filter) =>
        (await Audit.PageAsync(user, filter, 0, 50)).Rows.Select(r => r.EntityId).ToArray();

    private async Task AuditAsync(AuditEvent e, DateTimeOffset when)
    {
        _ = factory.Server;
        await using var db = factory.CreateDbContext();
        db.Audit(e, when);
        await db.SaveChangesAsync();
    }
}
