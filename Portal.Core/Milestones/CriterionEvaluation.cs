namespace Portal.Core.Milestones;

/// <summary>
/// Whether one criterion holds, and if not, why, in words a PMO lead can act on. Computed criteria also
/// carry the measured value and the threshold they were held to.
/// </summary>
public sealed record CriterionEvaluation(bool IsMet, IReadOnlyList<string> Reasons, decimal? MeasuredValue = null, decimal? Threshold = null)
{
    public static CriterionEvaluation Met(decimal? measured = null, decimal? threshold = null) => new(true, [], measured, threshold);

    public static CriterionEvaluation Unmet(string reason, decimal? measured = null, decimal? threshold = null) =>
        new(false, [reason], measured, threshold);

    public static CriterionEvaluation Unmet(IReadOnlyList<string> reasons) => new(false, reasons);
}

/// <summary>
/// An unmet criterion as the gate reports it: which milestone, which criterion, and every reason. A null
/// <see cref="CriterionId"/> is the milestone's own required sign-off.
/// </summary>
public sealed record UnmetCriterion(int MilestoneId, string MilestoneName, int? CriterionId, string CriterionTitle, string Reason);
