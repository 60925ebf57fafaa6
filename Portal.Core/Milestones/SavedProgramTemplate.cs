namespace Portal.Core.Milestones;

/// <summary>
/// A template someone saved from a program, kept for new programs to start from. Its definition never changes
/// after saving; to change a template, save a new one and delete the old one.
/// </summary>
public sealed class SavedProgramTemplate
{
    private SavedProgramTemplate() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;
    public IReadOnlyList<TemplatePhase> Phases { get; private set; } = [];
    public DateTimeOffset CreatedUtc { get; private set; }
    public string CreatedByUserId { get; private set; } = string.Empty;
    public string CreatedByName { get; private set; } = string.Empty;

    /// <summary>The program it was captured from; kept as a plain number so deleting the program keeps the template.</summary>
    public int? SourceProgramId { get; private set; }

    public ProgramTemplate Template => new(Name, Description, Phases);

    public static SavedProgramTemplate Save(ProgramTemplate template, string userId, string userName, int? sourceProgramId, DateTimeOffset now) => new()
    {
        Name = template.Name, Description = template.Description, Phases = template.Phases,
        CreatedUtc = now.ToUniversalTime(), CreatedByUserId = userId, CreatedByName = userName, SourceProgramId = sourceProgramId,
    };

    /// <summary>Administrators tidy up any template; everyone else only the ones they saved.</summary>
    public bool MayBeDeletedBy(string userId, bool isAdministrator) => isAdministrator || CreatedByUserId == userId;
}
