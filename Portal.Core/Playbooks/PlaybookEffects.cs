using Portal.Core.Stakeholders;

namespace Portal.Core.Playbooks;

public enum EffectDirection
{
    Improved = 1,
    Unchanged = 2,
    Worse = 3,

    /// <summary>No support level before or after to compare.</summary>
    Unknown = 4,
}

/// <summary>One entry of a support history: the level recorded by an assessment made at a time.</summary>
public sealed record SupportPoint(DateTimeOffset AssessedUtc, SupportLevel Support);

/// <summary>
/// Support before an applied playbook (as recorded when it was applied) and after it (the assessment in force at the
/// date looked at). <see cref="Reassessed"/> is false when nobody has assessed the target since the playbook was
/// applied: "unchanged" then means "not measured yet", and the page says so.
/// </summary>
public sealed record PlaybookEffect(SupportLevel? Before, SupportLevel? After, DateTimeOffset? AfterAssessedUtc, bool Reassessed, EffectDirection Direction);

/// <summary>Reads a playbook's effect from the assessment history.</summary>
public static class PlaybookEffects
{
    /// <summary>The assessment in force at <paramref name="at"/>: the latest one made at or before it; null when none was.</summary>
    public static SupportPoint? At(IEnumerable<SupportPoint> history, DateTimeOffset at) =>
        history.Where(p => p.AssessedUtc <= at).OrderByDescending(p => p.AssessedUtc).FirstOrDefault();

    /// <summary>For a person: their own assessment in force at the time, else their group's (they inherit it).</summary>
    public static SupportPoint? EffectiveAt(IEnumerable<SupportPoint> own, IEnumerable<SupportPoint> group, DateTimeOffset at) =>
        At(own, at) ?? At(group, at);

    public static EffectDirection Direction(SupportLevel? before, SupportLevel? after) => (before, after) switch
    {
        (null, _) or (_, null) => EffectDirection.Unknown,
        var (b, a) when a > b => EffectDirection.Improved,
        var (b, a) when a < b => EffectDirection.Worse,
        _ => EffectDirection.Unchanged,
    };

    /// <summary>
    /// The effect as of <paramref name="asOf"/> (clamped to the application time: before it, nothing has had an effect).
    /// <paramref name="afterHistory"/> is the target's history as <see cref="EffectiveAt"/> or <see cref="At"/> resolves it.
    /// </summary>
    public static PlaybookEffect Measure(SupportLevel? before, DateTimeOffset appliedUtc, Func<DateTimeOffset, SupportPoint?> afterHistory, DateTimeOffset asOf)
    {
        var at = asOf < appliedUtc ? appliedUtc : asOf;
        var after = afterHistory(at);
        var reassessed = after is not null && after.AssessedUtc > appliedUtc;
        var afterLevel = after?.Support ?? before;
        return new PlaybookEffect(before, afterLevel, after?.AssessedUtc, reassessed, Direction(before, afterLevel));
    }

    public static string DisplayName(this EffectDirection direction) => direction switch
    {
        EffectDirection.Improved => "Improved",
        EffectDirection.Unchanged => "Unchanged",
        EffectDirection.Worse => "Worse",
        _ => "Not assessed",
    };
}
