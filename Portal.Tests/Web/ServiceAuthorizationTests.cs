using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Programs;
using Portal.Core.Security;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Admin.Users;
using Portal.Web.Features.Programs;

namespace Portal.Tests.Web;

/// <summary>Rules enforced in services, whatever the UI shows: membership for reads, roles for writes, and the audit trail.</summary>
public sealed class ServiceAuthorizationTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private ProgramService Programs => factory.Services.GetRequiredService<ProgramService>();

    [Fact]
    public async Task A_viewer_cannot_change_membership_even_of_a_program_they_belong_to()
    {
        var (atlas, viewer) = (await factory.ProgramIdAsync("Atlas"), await factory.DemoUserAsync("viewer@portal.local"));

        var result = await Programs.SetMemberAsync(atlas, viewer.Id, ProgramRole.PmoLead, viewer);

        Assert.False(result.Succeeded);
        Assert.Equal(ProgramRole.Viewer, await RoleInProgramAsync(atlas, viewer.Id));
    }

    [Fact]
    public async Task A_program_pmo_lead_changes_membership_and_it_is_audited()
    {
        var (atlas, pmo) = (await factory.ProgramIdAsync("Atlas"), await factory.DemoUserAsync("pmo@portal.local"));
        var owner = await factory.DemoUserAsync("owner@portal.local");

        var result = await Programs.SetMemberAsync(atlas, owner.Id, ProgramRole.ChangeLead, pmo);

        Assert.True(result.Succeeded);
        Assert.Equal(ProgramRole.ChangeLead, await RoleInProgramAsync(atlas, owner.Id));
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ProgramId == atlas && a.Action == "MemberSet" && a.EntityId == owner.Id && a.ActorUserId == pmo.Id));
    }

    [Fact]
    public async Task A_viewer_cannot_create_programs()
    {
        var viewer = await factory.DemoUserAsync("viewer@portal.local");

        var result = await Programs.CreateAsync(new ProgramForm { Name = "Shadow program" }, viewer);

        Assert.False(result.Succeeded);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Programs.AnyAsync(p => p.Name == "Shadow program"));
    }

    [Fact]
    public async Task User_administration_refuses_non_administrators()
    {
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var admin = factory.Services.GetRequiredService<UserAdminService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.ListAsync(pmo));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            admin.CreateAsync(new NewUserForm { Email = "x@example.com", DisplayName = "X", Roles = [PortalRoles.Administrator] }, pmo));
    }

    [Fact]
    public async Task A_failed_user_creation_writes_neither_the_user_nor_an_audit_entry()
    {
        var admin = await factory.DemoUserAsync("admin@portal.local");
        var service = factory.Services.GetRequiredService<UserAdminService>();
        await using var before = factory.CreateDbContext();
        var auditCount = await before.AuditEntries.CountAsync();

        var result = await service.CreateAsync(new NewUserForm { Email = "pmo@portal.local", DisplayName = "Duplicate", Roles = [PortalRoles.Viewer] }, admin);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "Email" && e.Message == "A user with this email already exists.");
        await using var after = factory.CreateDbContext();
        Assert.Equal(auditCount, await after.AuditEntries.CountAsync());
        Assert.Equal(1, await after.Users.CountAsync(u => u.Email == "pmo@portal.local"));
    }

    private async Task<ProgramRole?> RoleInProgramAsync(int programId, string userId)
    {
        await using var db = factory.CreateDbContext();
        return await db.ProgramMembers.Where(m => m.ProgramId == programId && m.UserId == userId).Select(m => (ProgramRole?)m.Role).SingleOrDefaultAsync();
    }
}
