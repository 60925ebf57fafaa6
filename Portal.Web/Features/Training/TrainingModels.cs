using Portal.Core.Common;
using Portal.Core.Stakeholders;
using Portal.Core.Training;

namespace Portal.Web.Features.Training;

/// <summary>The training page's data: rates per audience against the program's threshold, courses and sessions.</summary>
public sealed record TrainingView(
    int ProgramId,
    string ProgramName,
    bool CanEdit,
    bool CanChangeThreshold,
    decimal ThresholdPercent,
    IReadOnlyList<AudienceCompletion> Audiences,
    AudienceCompletion Overall,
    IReadOnlyList<CourseRow> Courses,
    IReadOnlyList<SessionRow> Sessions,
    IReadOnlyList<AudienceOption> AudienceOptions);

public sealed record CourseRow(int Id, string Code, string Title, string Description, TrainingAudience Audience, string AudienceName, bool IsMandatory,
    bool IsBuiltOnRealData, int Enrolled, int Completed, Guid Version);

public sealed record SessionRow(int Id, int CourseId, string CourseCode, string CourseTitle, DateOnly Date, string Trainer, string Location, bool IsOnline, int Capacity);

/// <summary>An audience a course can be for: a stakeholder group or a program role.</summary>
public sealed record AudienceOption(string Key, string Name);

/// <summary>Someone in an audience who has not completed all its mandatory courses, and which ones are missing.</summary>
public sealed record PendingPerson(string Email, string Name, string Audience, IReadOnlyList<string> MissingCourses);

public sealed record PendingPage(IReadOnlyList<PendingPerson> Rows, int Total);

/// <summary>How an import went: every error (nothing written), or what changed.</summary>
public sealed record TrainingImportOutcome(IReadOnlyList<CsvRowError> Errors, int Rows = 0, int Added = 0, int Changed = 0, int Unchanged = 0)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Where an import is, for the progress indicator.</summary>
public sealed record ImportProgress(string Stage, int Done, int Total);
