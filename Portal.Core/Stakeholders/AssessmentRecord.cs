namespace Portal.Core.Stakeholders;

/// <summary>
/// One entry of a group's or person's assessment history. Written once when someone (re-)assesses and never
/// changed, so support over time and the effect of an intervention can be read back as it was recorded.
/// Exactly one of <see cref="GroupId"/> and <see cref="PersonId"/> is set.
/// </summary>
public sealed class AssessmentRecord
{
    private AssessmentRecord() { }

    internal AssessmentRecord(int programId, Assessment assessment)
    {
        ProgramId = programId;
        Assessment = assessment;
    }

    public long Id { get; private set; }
    public int ProgramId { get; private set; }
    public int? GroupId { get; private set; }
    public int? PersonId { get; private set; }
    public Assessment Assessment { get; private set; } = null!;
}
