namespace Portal.Core.Scorecards;

/// <summary>The section keys (API, CSS and portfolio columns use them) and the detail page of each.</summary>
public static class ScorecardKeys
{
    public const string PhaseGates = "phase-gates";
    public const string Readiness = "change-readiness";
    public const string TrainingUat = "training-uat";
    public const string Decommissioning = "decommissioning";
    public const string IntegrationHealth = "integration-health";
    public const string Adoption = "adoption";
    public const string Sponsorship = "sponsorship";
    public const string Budget = "budget";

    public static string Program(int id) => $"/programs/{id}";
    public static string Stakeholders(int id) => $"/programs/{id}/stakeholders";
    public static string Playbooks(int id) => $"/programs/{id}/playbooks";
    public static string Training(int id) => $"/programs/{id}/training";
    public static string Uat(int id) => $"/programs/{id}/uat";
    public static string DecommissioningPage(int id) => $"/programs/{id}/decommissioning";
    public static string Reviews(int id) => $"/programs/{id}/reviews";
    public static string SponsorshipPage(int id) => $"/programs/{id}/sponsorship";
    public static string Scorecard(int id) => $"/programs/{id}/scorecard";

    /// <summary>The integration overview narrowed to the program's connections.</summary>
    public static string Integration(int id) => $"/integration?program={id}";
    public static string ConnectionPage(string key) => $"/integration/connections/{Uri.EscapeDataString(key)}";
    public const string ExceptionQueue = "/integration/exceptions";
}
