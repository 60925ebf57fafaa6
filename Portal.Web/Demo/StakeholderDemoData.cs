using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Data;

namespace Portal.Web.Demo;

/// <summary>
/// Atlas's stakeholder map: six groups and 42 people, with 90 days of assessment history. Financial analysts are the
/// top hotspot (territorial), Capital Projects PMs the second (workload), ERP/IT sits at Neutral (technical sovereignty),
/// and eight early adopters (three analysts, five PMs) are assessed individually, matching the demo evidence.
/// </summary>
public static class StakeholderDemoData
{
    private const string Domain = "atlas-demo.example.com";

    private sealed record Step(int DaysAgo, int Influence, int Impact, SupportLevel Support, SupportLevel Target, ResistanceType? Type,
        GainLossTags Gains, GainLossTags Losses, string Notes, string GainsNote = "", string LossesNote = "", bool Early = false);

    private sealed record GroupSeed(string Name, string Description, string[] People, Step[] History);

    private static readonly GroupSeed[] Groups =
    [
        new("Financial analysts", "AP, GL and project accounting analysts who run the monthly reconciliation workbook.",
        [
            "Hannah Okoye|Senior financial analyst|Invoices", "Lars Pettersson|Financial analyst|Invoices", "Mei Tanaka|Project accountant|Actuals",
            "Rafael Duarte|Financial analyst|Commitments", "Ingrid Solberg|AP analyst|Invoices", "Omar Haddad|GL analyst|Actuals",
            "Chloe Martin|Project accountant|Actuals", "Viktor Hale|Financial analyst|Commitments", "Aisha Rahman|Reconciliation analyst|Commitments",
        ],
        [
            new(88, 4, 5, SupportLevel.Neutral, SupportLevel.Supportive, ResistanceType.FinanceTerritorial, GainLossTags.Simplicity, GainLossTags.Ownership,
                "First pass from the kickoff interviews.", "Fewer manual matches", "Sole ownership of commitment figures"),
            new(58, 5, 5, SupportLevel.StrongResistance, SupportLevel.Supportive, ResistanceType.FinanceTerritorial, GainLossTags.Simplicity,
                GainLossTags.Ownership | GainLossTags.Autonomy | GainLossTags.Accountability,
                "Design workshop 1: \"We already have all of this in the ERP.\" Fear of PMs editing financial data.", "Fewer manual matches",
                "Control of financial data; approval authority diluted"),
            new(16, 5, 5, SupportLevel.Resistant, SupportLevel.Supportive, ResistanceType.FinanceTerritorial, GainLossTags.Simplicity | GainLossTags.Visibility,
                GainLossTags.Ownership | GainLossTags.Autonomy,
                "Softer since finance was offered ownership of the integration rules and data-quality standards; not yet agreed.",
                "Fewer manual matches; see PO status earlier", "Exclusive ownership of commitments"),
        ]),
        new("Capital Projects PMs", "Project managers of the Capital Projects portfolio (largest PO volume).",
        [
            "Daniel Brooks|Senior project manager|Commitments", "Priyanka Iyer|Project manager|Commitments", "Tom Gallagher|Project manager|Purchase orders",
            "Sara Lindgren|Project manager|Purchase orders", "Kwame Mensah|Programme manager|Commitments", "Julia Novak|Project manager|Time",
            "Marco Bianchi|Project manager|Purchase orders", "Elena Petrova|Project manager|Commitments", "Ben Carter|Project manager|Time",
            "Fatima Zahra|Project manager|Purchase orders", "Lucas Moreau|Project controls lead|Commitments",
        ],
        [
            new(80, 4, 4, SupportLevel.Neutral, SupportLevel.Supportive, ResistanceType.PmWorkload, GainLossTags.Visibility, GainLossTags.Workload,
                "Initial read: curious but busy.", "Committed spend per project", "Another system to update"),
            new(40, 4, 5, SupportLevel.Resistant, SupportLevel.Supportive, ResistanceType.PmWorkload, GainLossTags.Visibility,
                GainLossTags.Workload | GainLossTags.Accountability,
                "\"This is just another system I have to update.\" Two earlier tools faded after launch.", "Committed spend per project",
                "Time; accountability for payment timing"),
        ]),
        new("ERP/IT team", "ERP application support and the integration team who will run it after go-live.",
        [
            "Anders Nilsen|ERP application manager|Integration", "Grace Liu|Integration developer|Integration", "Samuel Adeyemi|ERP support analyst|Integration",
            "Nora Fischer|Solution architect|Integration", "Pedro Alves|Middleware engineer|Integration", "Yuki Sato|ERP support analyst|Integration",
        ],
        [
            new(70, 4, 3, SupportLevel.Resistant, SupportLevel.Supportive, ResistanceType.ItTechnicalSovereignty, GainLossTags.None,
                GainLossTags.Workload | GainLossTags.Autonomy, "Worried about month-end failures they did not design.", "", "Month-end support burden"),
            new(24, 4, 3, SupportLevel.Neutral, SupportLevel.Supportive, ResistanceType.ItTechnicalSovereignty, GainLossTags.Ownership,
                GainLossTags.Workload, "In the architecture board now; monitoring standards still to agree.", "Own the monitoring standards", "Support burden"),
        ]),
        new("Portfolio executives", "Portfolio directors and the CFO's staff who read the portfolio financials.",
        [
            "Catherine Doyle|Portfolio director|Reporting", "Rajesh Kumar|VP Capital Projects|Reporting", "Helena Berg|Deputy CFO|Reporting",
            "Michael Osei|Portfolio director|Reporting",
        ],
        [
            new(85, 5, 2, SupportLevel.Supportive, SupportLevel.Champion, ResistanceType.None, GainLossTags.Visibility, GainLossTags.None,
                "Benefit most from real-time visibility; need to reference the new data in decisions.", "Real-time committed spend"),
        ]),
        new("Finance team", "Controllers and finance business partners who own month-end close.",
        [
            "Olivia Grant|Financial controller|Actuals", "Jonas Weber|Finance business partner|Commitments", "Amara Nwosu|Finance business partner|Invoices",
            "Pierre Laurent|Head of accounts payable|Invoices", "Sofia Costa|Management accountant|Actuals", "Ethan Wright|Finance systems lead|Integration",
            "Lina Haddad|Treasury analyst|Invoices",
        ],
        [
            new(82, 4, 4, SupportLevel.Resistant, SupportLevel.Supportive, ResistanceType.FinanceTerritorial, GainLossTags.Visibility, GainLossTags.Ownership,
                "Concerned about who governs the numbers.", "Earlier view of commitments", "Governance of financial data"),
            new(30, 4, 4, SupportLevel.Neutral, SupportLevel.Supportive, ResistanceType.FinanceTerritorial, GainLossTags.Visibility | GainLossTags.Simplicity,
                GainLossTags.Ownership, "Agreed to chair the data-quality standards group.", "Earlier view of commitments", "Some control of the numbers"),
        ]),
        new("PMO analysts", "PMO reporting analysts who compile the monthly portfolio pack.",
        [
            "Zoe Adams|PMO analyst|Reporting", "Ivan Kowalski|PMO analyst|Reporting", "Maya Singh|Portfolio reporting lead|Reporting",
            "Noah Fischer|PMO analyst|Time", "Leila Karimi|PMO analyst|Reporting",
        ],
        [
            new(60, 2, 4, SupportLevel.Supportive, SupportLevel.Champion, ResistanceType.None, GainLossTags.Simplicity | GainLossTags.Workload, GainLossTags.None,
                "The monthly pack takes four days today; they want it gone.", "No more manual pack"),
        ]),
    ];

    /// <summary>The early adopters, assessed on their own (by email local part).</summary>
    private static readonly Dictionary<string, Step> Individuals = new()
    {
        ["hannah.okoye"] = new(20, 3, 5, SupportLevel.Champion, SupportLevel.Champion, ResistanceType.None, GainLossTags.Simplicity | GainLossTags.Visibility,
            GainLossTags.None, "Volunteered to test the commitment review; builds the analysts' cheat sheet.", Early: true),
        ["mei.tanaka"] = new(20, 2, 5, SupportLevel.Supportive, SupportLevel.Champion, ResistanceType.None, GainLossTags.Simplicity, GainLossTags.None,
            "Tired of the reconciliation workbook.", Early: true),
        ["aisha.rahman"] = new(14, 2, 5, SupportLevel.Supportive, SupportLevel.Champion, ResistanceType.None, GainLossTags.Simplicity, GainLossTags.Ownership,
            "Supportive if analysts own the matching rules.", Early: true),
        ["priyanka.iyer"] = new(35, 3, 4, SupportLevel.Champion, SupportLevel.Champion, ResistanceType.None, GainLossTags.Visibility, GainLossTags.None,
            "Asked for the pilot after a late-payment surprise on her project.", Early: true),
        ["kwame.mensah"] = new(35, 4, 4, SupportLevel.Supportive, SupportLevel.Champion, ResistanceType.None, GainLossTags.Visibility, GainLossTags.Workload,
            "Will present the pilot results to the other PMs.", Early: true),
        ["julia.novak"] = new(28, 2, 4, SupportLevel.Supportive, SupportLevel.Supportive, ResistanceType.None, GainLossTags.Visibility, GainLossTags.Workload, "", Early: true),
        ["lucas.moreau"] = new(28, 3, 5, SupportLevel.Supportive, SupportLevel.Champion, ResistanceType.None, GainLossTags.Visibility | GainLossTags.Simplicity,
            GainLossTags.None, "Project controls: sees fewer reconciliation calls.", Early: true),
        ["elena.petrova"] = new(12, 2, 4, SupportLevel.Supportive, SupportLevel.Supportive, ResistanceType.None, GainLossTags.Visibility, GainLossTags.None, "", Early: true),
    };

    public static async Task SeedAsync(PortalDbContext db, PortalProgram atlas, IReadOnlyDictionary<string, string> userIds, DateTimeOffset now, CancellationToken ct)
    {
        var assessor = (Id: userIds["change"], Name: "Sofia Reyes");
        var groups = Groups.Select(g => (Seed: g, Group: StakeholderGroup.Create(atlas.Id, g.Name, g.Description).Value)).ToList();
        foreach (var (seed, group) in groups)
        {
            foreach (var step in seed.History.OrderByDescending(s => s.DaysAgo))
                group.Assess(Assess(step, assessor, now));
            db.StakeholderGroups.Add(group);
        }
        await db.SaveChangesAsync(ct);

        foreach (var (seed, group) in groups)
            foreach (var line in seed.People)
            {
                var parts = line.Split('|');
                var local = parts[0].ToLowerInvariant().Replace(' ', '.');
                var person = StakeholderPerson.Create(atlas.Id, group.Id, parts[0], parts[1], $"{local}@{Domain}", parts[2]).Value;
                if (Individuals.TryGetValue(local, out var step))
                    person.Assess(Assess(step, assessor, now));
                db.StakeholderPeople.Add(person);
            }
        await db.SaveChangesAsync(ct);
    }

    private static Assessment Assess(Step s, (string Id, string Name) by, DateTimeOffset now) =>
        Assessment.Create(new AssessmentInput(s.Influence, s.Impact, s.Support, s.Target, s.Type, s.Gains, s.GainsNote, s.Losses, s.LossesNote, s.Early, s.Notes),
            by.Id, by.Name, now.AddDays(-s.DaysAgo)).Value;
}
