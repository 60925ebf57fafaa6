using Microsoft.EntityFrameworkCore;
using Portal.Core.Playbooks;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Data;

namespace Portal.Web.Demo;

/// <summary>
/// Atlas's resistance work: the Finance territorial playbook applied to the financial analysts 55 days ago. The first
/// three steps are done, the fourth (the change lead's) is overdue, the last is due in two weeks; a re-assessment since
/// shows support moving from strong resistance to resistant. The PM workload playbook was applied to the Capital
/// Projects PMs during Build, so both hotspots have an owned response.
/// </summary>
public static class PlaybookDemoData
{
    public const string FinanceAnalysts = "Financial analysts";
    public const string CapitalProjectsPms = "Capital Projects PMs";

    public static async Task SeedAsync(PortalDbContext db, PortalProgram atlas, IReadOnlyDictionary<string, string> ids, DateTimeOffset now, CancellationToken ct = default)
    {
        var appliedUtc = now.AddDays(-55); // after design workshop 1 showed strong resistance
        var group = await FinanceAnalystsAsync(db, atlas, ids, now, ct);
        var baseline = (await db.StakeholderAssessments.AsNoTracking().Where(r => r.GroupId == group.Id).ToListAsync(ct))
            .Where(r => r.Assessment.AssessedUtc <= appliedUtc).OrderByDescending(r => r.Assessment.AssessedUtc).FirstOrDefault()?.Assessment;

        var playbook = Playbook.CopyOf(BuiltInPlaybooks.FinanceTerritorial, atlas.Id, appliedUtc);
        db.Playbooks.Add(playbook);
        await db.SaveChangesAsync(ct);

        var applied = DateOnly.FromDateTime(appliedUtc.UtcDateTime);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        (string Owner, DateOnly Due)[] plan =
            [(ids["change"], applied.AddDays(7)), (ids["change"], applied.AddDays(14)), (ids["owner"], applied.AddDays(21)), (ids["change"], today.AddDays(-10)), (ids["pmo"], today.AddDays(14))];
        var members = atlas.Members.Select(m => m.UserId).ToHashSet();
        var application = PlaybookApplication.Apply(playbook, new ApplicationTarget(StakeholderKind.Group, group.Id, group.Name, baseline),
            playbook.Steps.Select((s, i) => new ActionPlan(s.Order, plan[i].Owner, plan[i].Due)).ToList(), members, ids["change"], "Sofia Reyes", appliedUtc).Value;

        Close(application.Actions[0], "Three finance leads joined design workshops 1 to 3; the mapping for commitments was drafted with them.", appliedUtc.AddDays(6));
        Close(application.Actions[1], "Mara Lindqvist approves mapping and transformation rules; the rules board meets every second Tuesday.", appliedUtc.AddDays(15));
        Close(application.Actions[2], "Finance chose the ERP as the record for commitments and invoices, the PPM platform for forecasts.", appliedUtc.AddDays(20), "Mara Lindqvist");
        application.Actions[3].Update(ActionStatus.InProgress, ids["change"], plan[3].Due, "Draft thresholds shared; waiting for the AP team's review.",
            members, "Sofia Reyes", now.AddDays(-14));
        db.PlaybookApplications.Add(application);
        await AddPmWorkloadAsync(db, atlas, ids, now, members, ct);
        await db.SaveChangesAsync(ct);

        void Close(PlaybookAction action, string outcome, DateTimeOffset when, string by = "Sofia Reyes") =>
            action.Update(ActionStatus.Done, action.OwnerUserId, action.DueDate, outcome, members, by, when);
    }

    private static async Task AddPmWorkloadAsync(PortalDbContext db, PortalProgram atlas, IReadOnlyDictionary<string, string> ids, DateTimeOffset now,
        HashSet<string> members, CancellationToken ct)
    {
        var group = await db.StakeholderGroups.FirstOrDefaultAsync(g => g.ProgramId == atlas.Id && g.Name == CapitalProjectsPms, ct);
        if (group is null)
            return; // only the stakeholder demo map has this group
        var appliedUtc = now.AddDays(-35); // after the PMs turned resistant in the pilot planning
        var baseline = (await db.StakeholderAssessments.AsNoTracking().Where(r => r.GroupId == group.Id).ToListAsync(ct))
            .Where(r => r.Assessment.AssessedUtc <= appliedUtc).OrderByDescending(r => r.Assessment.AssessedUtc).FirstOrDefault()?.Assessment;
        var playbook = Playbook.CopyOf(BuiltInPlaybooks.PmWorkload, atlas.Id, appliedUtc);
        db.Playbooks.Add(playbook);
        await db.SaveChangesAsync(ct);
        var applied = DateOnly.FromDateTime(appliedUtc.UtcDateTime);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // The first step is done; the rest are planned over the coming weeks, none overdue.
        var application = PlaybookApplication.Apply(playbook, new ApplicationTarget(StakeholderKind.Group, group.Id, group.Name, baseline),
            playbook.Steps.Select((s, i) => new ActionPlan(s.Order, i == 0 ? ids["change"] : ids["pmo"], i == 0 ? applied.AddDays(14) : today.AddDays(7 * i))).ToList(),
            members, ids["change"], "Sofia Reyes", appliedUtc).Value;
        application.Actions[0].Update(ActionStatus.Done, ids["change"], application.Actions[0].DueDate,
            "Walked eight Capital Projects PMs through their own March reconciliation calls next to the commitment view.", members, "Sofia Reyes", appliedUtc.AddDays(12));
        db.PlaybookApplications.Add(application);
    }

    /// <summary>The group from the stakeholder demo data when it is there; otherwise a minimal one with the history the story needs.</summary>
    private static async Task<StakeholderGroup> FinanceAnalystsAsync(PortalDbContext db, PortalProgram atlas, IReadOnlyDictionary<string, string> ids,
        DateTimeOffset now, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct); // whatever earlier demo steps added, so their groups have ids
        var existing = await db.StakeholderGroups.FirstOrDefaultAsync(g => g.ProgramId == atlas.Id && g.Name == FinanceAnalysts, ct);
        if (existing is not null)
            return existing;
        var group = StakeholderGroup.Create(atlas.Id, FinanceAnalysts, "Accounts payable and general ledger analysts who run the monthly reconciliation.").Value;
        group.Assess(Assessment(SupportLevel.StrongResistance, "Fear of losing control over commitment data; sees the PPM view as a second set of books.", now.AddDays(-75), ids));
        group.Assess(Assessment(SupportLevel.Resistant, "Chairing the rules board helped; still wary of project managers editing commitments.", now.AddDays(-12), ids));
        db.StakeholderGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return group;
    }

    private static Assessment Assessment(SupportLevel support, string notes, DateTimeOffset at, IReadOnlyDictionary<string, string> ids) =>
        Core.Stakeholders.Assessment.Create(new AssessmentInput(5, 5, support, SupportLevel.Supportive, ResistanceType.FinanceTerritorial,
            GainLossTags.Visibility, "Sees commitments before invoices arrive", GainLossTags.Ownership | GainLossTags.Autonomy,
            "Sole control of financial data", false, notes), ids["change"], "Sofia Reyes", at).Value;
}
