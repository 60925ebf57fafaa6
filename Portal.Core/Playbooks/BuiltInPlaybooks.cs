using Portal.Core.Stakeholders;

namespace Portal.Core.Playbooks;

/// <summary>A playbook that ships with Portal; programs use a copy of it (<see cref="Playbook.CopyOf"/>).</summary>
public sealed record BuiltInPlaybook(string Key, string Name, ResistanceType ResistanceType, string Principle, IReadOnlyList<PlaybookStepInput> Steps);

/// <summary>
/// The three responses the seed material argues for, one per resistance type. Treating all resistance alike works for
/// one group and inflames another, so each type gets its own principle and steps. Keys are stored with program
/// copies: never rename one.
/// </summary>
public static class BuiltInPlaybooks
{
    public const string FinanceTerritorialKey = "finance-territorial";
    public const string PmWorkloadKey = "pm-workload";
    public const string ItSovereigntyKey = "it-technical-sovereignty";

    public static BuiltInPlaybook FinanceTerritorial { get; } = new(FinanceTerritorialKey, "Finance territorial", ResistanceType.FinanceTerritorial,
        "Finance is not objecting to duplication; it is protecting control over financial data, approval authority and accountability for " +
        "numbers it would no longer govern. Pushing harder deepens that fear. Bring finance in early and hand it real authority, so it " +
        "designs the shared financial process instead of having it done to it.",
        [
            new("Bring finance into the design from the first workshop",
                "Seat the finance leads in the integration design sessions before data flows and mappings are fixed, not at review time.", 7),
            new("Give finance the authority over integration rules",
                "Make the finance process owner the approver of the mapping and transformation rules for commitments, invoices and actuals.", 14),
            new("Let finance lead the system-of-record decisions",
                "Finance chairs the choice of the authoritative system for each financial data domain and owns the escalation path when systems disagree.", 21),
            new("Have finance set the data-quality standards",
                "Finance defines the data-quality rules and thresholds the integration enforces, and reviews the exceptions they raise.", 30),
            new("Present the rules as finance's design",
                "In the next governance meeting, finance presents the agreed rules as its own, so its ownership is visible to everyone.", 45),
        ]);

    public static BuiltInPlaybook PmWorkload { get; } = new(PmWorkloadKey, "PM workload", ResistanceType.PmWorkload,
        "Project managers hear \"one more system to update\", and they have watched tools arrive with fanfare and fade. Arguments will not " +
        "move them; proof from their own projects will, and so will taking work off their plate before asking for anything new.",
        [
            new("Count today's reconciliation calls on their projects",
                "With two or three PMs, log how many calls and emails it takes each month to reconcile their budgets with finance.", 7),
            new("Show the drop in reconciliation calls with their own data",
                "Walk them through the same projects in the integrated view and compare the reconciliation effort before and after.", 21),
            new("Remove one data-entry step",
                "Find a field they key in twice today, retire it from the old tracker or the new screen, and tell them it is gone.", 30),
            new("Report the first late-payment surprise avoided",
                "When the commitment view flags a late payment before it hits a project, share whose project it was and what it saved.", 45),
        ]);

    public static BuiltInPlaybook ItSovereignty { get; } = new(ItSovereigntyKey, "IT technical sovereignty", ResistanceType.ItTechnicalSovereignty,
        "IT is not obstructing; it is picturing the month-end failure it will be called out for on an integration it neither designed nor " +
        "documented. Treat IT as an operating partner: give it ownership of how the integration is run and build to its support needs, not " +
        "only to the implementation deadline.",
        [
            new("Involve IT in the architecture decisions",
                "IT architects take part in choosing patterns, interfaces and error handling from the start, with a vote rather than a review.", 7),
            new("Let IT own the monitoring standards",
                "IT defines what is monitored, the alert thresholds and who is paged, and the integration is built to those standards.", 14),
            new("Let IT own exception handling",
                "IT designs the exception process: retries, dead letters, replays and the runbook for the on-call engineer.", 21),
            new("Meet IT's support requirements before go-live",
                "Agree IT's support requirements (documentation, handover, alerting, runbooks) and treat each as a go-live criterion.", 45),
        ]);

    public static IReadOnlyList<BuiltInPlaybook> All { get; } = [FinanceTerritorial, PmWorkload, ItSovereignty];

    public static BuiltInPlaybook? Find(string? key) => All.FirstOrDefault(b => b.Key == key);
}
