using Microsoft.AspNetCore.Identity;
using Portal.Core.Auditing;
using Portal.Core.Programs;
using Portal.Core.Security;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Data.Identity;

namespace Portal.Web.Demo;

/// <summary>One user per role and two realistic programs; later features enrich the demo program.</summary>
public sealed class DemoData(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public const string Password = "Portal-Demo-2026!";
    public const int ProgramCount = 2;

    public sealed record DemoUser(string Key, string Email, string DisplayName, string JobTitle, string Role);

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("admin", "admin@portal.local", "Alex Morgan", "Portal administrator", PortalRoles.Administrator),
        new("pmo", "pmo@portal.local", "Priya Natarajan", "Head of PMO", PortalRoles.PmoLead),
        new("sponsor", "sponsor@portal.local", "Daniel Okafor", "Chief Financial Officer", PortalRoles.ExecutiveSponsor),
        new("owner", "owner@portal.local", "Mara Lindqvist", "Finance process owner", PortalRoles.ProcessOwner),
        new("change", "change@portal.local", "Sofia Reyes", "Change lead", PortalRoles.ChangeLead),
        new("it", "it@portal.local", "Tomasz Nowak", "ERP integration owner", PortalRoles.IntegrationOwner),
        new("viewer", "viewer@portal.local", "Jordan Blake", "Project manager", PortalRoles.Viewer),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = new Dictionary<string, string>();
        foreach (var u in Users)
        {
            var user = new PortalUser { UserName = u.Email, Email = u.Email, EmailConfirmed = true, DisplayName = u.DisplayName, JobTitle = u.JobTitle, CreatedUtc = now };
            Check(await users.CreateAsync(user, Password), u.Email);
            Check(await users.AddToRoleAsync(user, u.Role), u.Email);
            ids[u.Key] = user.Id;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var atlas = PortalProgram.Create(
            "Atlas: PPM and ERP financial integration",
            "Connects the project portfolio platform to the ERP so purchase-order commitments, invoice status and actuals flow " +
            "to project managers in near real time, and retires the monthly spreadsheet reconciliation between finance and the PMO.",
            ["PPM", "ERP"], today.AddDays(120), now).Value;
        atlas.SetMember(ids["pmo"], ProgramRole.PmoLead, now);
        atlas.SetMember(ids["sponsor"], ProgramRole.ExecutiveSponsor, now);
        atlas.SetMember(ids["owner"], ProgramRole.ProcessOwner, now);
        atlas.SetMember(ids["change"], ProgramRole.ChangeLead, now);
        atlas.SetMember(ids["it"], ProgramRole.IntegrationOwner, now);
        atlas.SetMember(ids["viewer"], ProgramRole.Viewer, now);

        var harbor = PortalProgram.Create(
            "Harbor: PSA and HCM resource sync",
            "Synchronises staffing and time entries between professional services automation and HR so utilisation and cost " +
            "rates agree across both systems.",
            ["PSA", "HCM"], today.AddDays(210), now).Value;
        harbor.SetMember(ids["pmo"], ProgramRole.PmoLead, now);
        harbor.SetMember(ids["sponsor"], ProgramRole.ExecutiveSponsor, now);

        db.Programs.AddRange(atlas, harbor);
        await db.SaveChangesAsync(ct);
        db.Audit(new AuditEvent(null, "System", "Portal", "demo", "DemoDataSeeded",
            NewValues: $"{Users.Count} users; programs {atlas.Id}, {harbor.Id}"), now);
        await db.SaveChangesAsync(ct);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo user {email} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
