using Microsoft.AspNetCore.Identity;
using Portal.Core.Auditing;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.Security;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Data.Identity;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Demo;

/// <summary>One user per role and two realistic programs; later features enrich the demo program.</summary>
public sealed class DemoData(PortalDbContext db, UserManager<PortalUser> users, CriterionEvaluators evaluators, ProgramFactsLoader factsLoader,
    TimeProvider clock)
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

        atlas.SetBudget(2_400_000m, 312_000m);
        atlas.AdoptPlan(ProgramTemplate.Default.Instantiate(evaluators));
        harbor.SetBudget(850_000m, 68_000m);
        harbor.AdoptPlan(ProgramTemplate.Default.Instantiate(evaluators));

        db.Programs.AddRange(atlas, harbor);
        await db.SaveChangesAsync(ct);

        // Feature records first: computed criteria of the earlier phases read them when Atlas is brought to Pilot.
        await StakeholderDemoData.SeedAsync(db, atlas, ids, now, ct);
        await PlaybookDemoData.SeedAsync(db, atlas, ids, now, ct);
        SystemOfRecordDemoData.Add(db, atlas, ids, now);
        await TrainingDemoData.SeedAsync(db, atlas.Id, now, ct);
        await UatDemoData.SeedAsync(db, atlas, ids, now, ct);
        await DecommissioningDemoData.SeedAsync(db, atlas, ids, now, ct);
        ReviewDemoData.Add(db, atlas, now);
        SponsorshipDemoData.Add(db, atlas, ids, now);
        await IntegrationDemoData.SeedAsync(db, atlas, ids, now, ct);
        await db.SaveChangesAsync(ct);

        await BringAtlasToPilotAsync(atlas, ids, now, ct);
        SystemOfRecordDemoData.AddPilotChanges(db, atlas, ids, now);
        await db.SaveChangesAsync(ct);
        db.Audit(new AuditEvent(null, "System", "Portal", "demo", "DemoDataSeeded",
            NewValues: $"{Users.Count} users; programs {atlas.Id}, {harbor.Id}"), now);
        await db.SaveChangesAsync(ct);
    }

    private static readonly Dictionary<string, string> EvidenceByCriterion = new()
    {
        ["Stakeholder map completed"] = "Stakeholder map v3 (42 people in 6 groups) reviewed with finance and the PMO: https://intranet.example/atlas/stakeholders",
        ["Resistance hotspots identified"] = "Hotspots: Finance analysts (territorial), project managers in Capital Projects (workload). Notes from interviews 3-14 Feb.",
        ["Sponsor briefed on change risk profile"] = "CFO briefing 20 Feb: change risk profile and the decommissioning plan for the reconciliation workbook.",
        ["Both teams signed off the new process design"] = "Commitment-to-invoice process v2, agreed in workshops 4 and 5 with finance and project delivery.",
        ["Early adopters identified"] = "Eight early adopters named: three finance analysts, five project managers.",
        ["Early adopters use the system confidently"] = "Early adopter walkthrough 12 May: all eight completed the commitment review without help.",
        ["Materials reflect actual workflows"] = "Training materials use the Q1 purchase orders of the Capital Projects portfolio.",
        ["Pilot users report less admin workload"] = "Pilot survey week 3: 7 of 9 pilot PMs report fewer reconciliation calls.",
    };

    /// <summary>
    /// Discovery, Design and Build done with evidence and sign-offs by the demo people who hold each role; Pilot's
    /// technical milestone in progress and its change milestone unmet for a visible reason; later phases not started.
    /// </summary>
    private async Task BringAtlasToPilotAsync(PortalProgram atlas, Dictionary<string, string> ids, DateTimeOffset now, CancellationToken ct)
    {
        var signers = Users.Where(u => u.Key is not "admin" and not "viewer" and not "it")
            .ToDictionary(u => u.Role, u => new Signer(ids[u.Key], u.DisplayName, [u.Role]));
        var facts = await factsLoader.LoadAsync(db, atlas, ct);
        var done = atlas.Phases.Take(3).ToList();
        for (var i = 0; i < atlas.Phases.Count; i++)
        {
            var phase = atlas.Phases[i];
            var change = phase.Milestones.Single(m => m.Kind == MilestoneKind.Change);
            var technical = phase.Milestones.Single(m => m.Kind == MilestoneKind.Technical);
            var when = now.AddDays(-90 + 25 * i);
            // The redesigned process is approved as a whole by the finance process owner, beyond each criterion.
            if (phase.Name == "Design")
                change.RequireSignOffs([SignOffRequirement.ByRole(nameof(ProgramRole.ProcessOwner), "Finance process owner")], null);
            foreach (var criterion in change.Criteria.Where(c => c.Kind == CriterionKind.Evidence && EvidenceByCriterion.ContainsKey(c.Title)))
            {
                criterion.RecordEvidence(EvidenceByCriterion[criterion.Title]);
                foreach (var requirement in criterion.Requirements)
                    criterion.Sign(signers[requirement.Role!], SignOffMeaning.Approved, "Reviewed in the phase gate meeting.", when);
            }
            foreach (var requirement in change.SignOffRequirements)
                change.Sign(signers[requirement.Role!], SignOffMeaning.Approved, "The redesigned process as a whole, as agreed in workshops 4 and 5.", when);
            if (i < done.Count)
            {
                var decision = technical.Complete(facts, evaluators, "Priya Natarajan", when);
                if (!decision.IsAllowed || !phase.Close(atlas.Phases, facts, evaluators, when).Succeeded)
                    throw new InvalidOperationException($"Demo phase {phase.Name} could not be closed.");
            }
            else if (phase.Name == "Pilot")
                technical.SetStatus(MilestoneStatus.InProgress);
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo user {email} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
