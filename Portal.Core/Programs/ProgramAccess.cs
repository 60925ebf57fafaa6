namespace Portal.Core.Programs;

/// <summary>
/// Program membership is the unit of authorization: a user sees and touches only programs they belong to;
/// administrators see all. Services call this; hiding links is not enough.
/// </summary>
public static class ProgramAccess
{
    public static bool CanView(PortalProgram program, string userId, bool isAdministrator) =>
        isAdministrator || program.IsMember(userId);

    /// <summary>Who may change membership and program details: administrators, and the program's PMO leads.</summary>
    public static bool CanManage(PortalProgram program, string userId, bool isAdministrator) =>
        isAdministrator || program.Members.Any(m => m.UserId == userId && m.Role == ProgramRole.PmoLead);

    /// <summary>
    /// Who may keep the system-of-record register: administrators, and the program's PMO leads, change leads and
    /// process owners (finance gets governance authority over system-of-record decisions, not just a signature).
    /// </summary>
    public static bool CanMaintainSystemOfRecord(PortalProgram program, string userId, bool isAdministrator) =>
        isAdministrator || program.Members.Any(m => m.UserId == userId && m.Role is ProgramRole.PmoLead or ProgramRole.ChangeLead or ProgramRole.ProcessOwner);
    /// <summary>Who may change change-management work (stakeholder map, playbooks): administrators, PMO leads and change leads.</summary>
    public static bool CanEditChangeWork(PortalProgram program, string userId, bool isAdministrator) =>
        isAdministrator || program.Members.Any(m => m.UserId == userId && m.Role is ProgramRole.PmoLead or ProgramRole.ChangeLead);

    /// <summary>
    /// Who may keep UAT (scenarios, cycles, results, imports): administrators, PMO leads, change leads and integration
    /// owners (who run the test tool). Gate thresholds stay with <see cref="CanManage"/>.
    /// </summary>
    public static bool CanRunUat(PortalProgram program, string userId, bool isAdministrator) =>
        isAdministrator || program.Members.Any(m => m.UserId == userId && m.Role is ProgramRole.PmoLead or ProgramRole.ChangeLead or ProgramRole.IntegrationOwner);

    /// <summary>Who may register connections and create or revoke ingestion keys: administrators and the program's integration owners.</summary>
    public static bool CanManageIntegration(PortalProgram program, string userId, bool isAdministrator) =>
        isAdministrator || program.Members.Any(m => m.UserId == userId && m.Role == ProgramRole.IntegrationOwner);
}
