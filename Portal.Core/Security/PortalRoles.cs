namespace Portal.Core.Security;

/// <summary>The global roles of Portal (shared/PRODUCT.md, "Who uses it").</summary>
public static class PortalRoles
{
    public const string Administrator = nameof(Administrator);
    public const string PmoLead = nameof(PmoLead);
    public const string ExecutiveSponsor = nameof(ExecutiveSponsor);
    public const string ProcessOwner = nameof(ProcessOwner);
    public const string ChangeLead = nameof(ChangeLead);
    public const string IntegrationOwner = nameof(IntegrationOwner);
    public const string Viewer = nameof(Viewer);

    public static IReadOnlyList<string> All { get; } =
        [Administrator, PmoLead, ExecutiveSponsor, ProcessOwner, ChangeLead, IntegrationOwner, Viewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Administrator",
        PmoLead => "PMO lead",
        ExecutiveSponsor => "Executive sponsor",
        ProcessOwner => "Process owner",
        ChangeLead => "Change lead",
        IntegrationOwner => "Integration owner",
        Viewer => "Viewer",
        _ => role,
    };

    public static string Describe(string role) => role switch
    {
        Administrator => "Users, roles, program membership and settings; sees every program.",
        PmoLead => "Sets up programs, tracks and closes paired milestones, runs the registers.",
        ExecutiveSponsor => "Reads adoption scorecards, logs sponsorship actions, exports reports.",
        ProcessOwner => "Signs off evidence, milestones and reviews for a process area.",
        ChangeLead => "Keeps stakeholders, playbook actions, training and UAT records current.",
        IntegrationOwner => "Registers connections, thresholds and API keys; works the exception queue.",
        Viewer => "Reads the programs they are a member of.",
        _ => string.Empty,
    };
}
