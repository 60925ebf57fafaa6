namespace Portal.Core.Programs;

/// <summary>How a member takes part in one program. Global roles decide what kind of work a user may do;
/// membership decides which programs they may see and touch.</summary>
public enum ProgramRole
{
    PmoLead = 1,
    ExecutiveSponsor = 2,
    ProcessOwner = 3,
    ChangeLead = 4,
    IntegrationOwner = 5,
    Viewer = 6,
}

public static class ProgramRoleNames
{
    public static string DisplayName(this ProgramRole role) => role switch
    {
        ProgramRole.PmoLead => "PMO lead",
        ProgramRole.ExecutiveSponsor => "Executive sponsor",
        ProgramRole.ProcessOwner => "Process owner",
        ProgramRole.ChangeLead => "Change lead",
        ProgramRole.IntegrationOwner => "Integration owner",
        ProgramRole.Viewer => "Viewer",
        _ => role.ToString(),
    };
}
