using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Auditing;
using Portal.Core.Milestones;
using Portal.Core.Security;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Data.Identity;
using Portal.Web.Hosting;

using Portal.Web.Features.Milestones;

namespace Portal.Web.Demo;

/// <summary>
/// Reference data every database needs (the roles), then, only in a database with no users: the demo data
/// (Portal:SeedDemoData, on by default) or the configured bootstrap administrator.
/// </summary>
public sealed class InitialDataSeeder(
    PortalDbContext db, RoleManager<IdentityRole> roles, UserManager<PortalUser> users, IOptions<PortalOptions> options, CriterionEvaluators evaluators,
    ProgramFactsLoader factsLoader, TimeProvider clock, ILogger<InitialDataSeeder> logger)
{
    /// <summary>The roles are reference data: every database has them, including one prepared with `--migrate`.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in PortalRoles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await EnsureRolesAsync();
        if (await db.Users.AnyAsync(ct))
            return; // never seed into a database that is in use

        if (options.Value.SeedDemoData)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await new DemoData(db, users, evaluators, factsLoader, clock).SeedAsync(ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("Seeded demo data: {Users} demo users and {Programs} programs (password in README)", DemoData.Users.Count, DemoData.ProgramCount);
            return;
        }

        var admin = options.Value.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password))
        {
            logger.LogWarning("The database has no users and demo data is off. Set Portal:BootstrapAdmin:Email and :Password to create the first administrator.");
            return;
        }
        await CreateBootstrapAdminAsync(admin.Email.Trim(), admin.Password, ct);
    }

    private async Task CreateBootstrapAdminAsync(string email, string password, CancellationToken ct)
    {
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", CreatedUtc = clock.GetUtcNow(), MustChangePassword = true };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(user, PortalRoles.Administrator);
        if (!result.Succeeded)
        {
            // Never log the password itself; the reasons are enough to fix it.
            logger.LogError("Bootstrap administrator {Email} not created: {Reasons}", email, result.Errors.Select(e => e.Description));
            return;
        }
        db.Audit(new AuditEvent(null, "System", "User", user.Id, "BootstrapAdministratorCreated", NewValues: email), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Created bootstrap administrator {Email}; they must change the password at first sign-in", email);
    }
}
