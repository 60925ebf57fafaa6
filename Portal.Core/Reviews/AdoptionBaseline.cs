using Portal.Core.Common;

namespace Portal.Core.Reviews;

/// <summary>What a PMO lead typed into the baseline form.</summary>
public sealed record BaselineDraft(int? TargetUsers, decimal? ReconciliationHoursPerMonth, decimal? TargetSharePercent, string? Notes);

/// <summary>
/// Where a program starts from, captured before go-live so the 30/60/90-day reviews have something to compare against:
/// how many people should use the new process, how many hours a month the old reconciliation costs, and what share of
/// the work should run in the new process. Changing it once the program is live moves the goalposts, so that needs a reason.
/// </summary>
public sealed class AdoptionBaseline
{
    public const int MaxNotesLength = 2000;
    public const int MaxReasonLength = 1000;
    public const decimal MaxHours = 100_000m;

    private AdoptionBaseline() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public int TargetUsers { get; private set; }
    public decimal ReconciliationHoursPerMonth { get; private set; }
    public decimal TargetSharePercent { get; private set; }
    public string Notes { get; private set; } = string.Empty;
    public DateTimeOffset CapturedUtc { get; private set; }
    public DateTimeOffset UpdatedUtc { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>True when the baseline is changed on or after the actual go-live, which needs a reason.</summary>
    public static bool NeedsReason(DateOnly? actualGoLive, DateOnly today) => actualGoLive is { } live && live <= today;

    public static Result<AdoptionBaseline> Capture(int programId, BaselineDraft draft, DateOnly? actualGoLive, DateOnly today, string? reason, DateTimeOffset now)
    {
        var errors = Validate(draft, actualGoLive, today, reason);
        if (errors.Any)
            return Result<AdoptionBaseline>.Failure(errors.ToList());
        var baseline = new AdoptionBaseline { ProgramId = programId, CapturedUtc = now.ToUniversalTime(), UpdatedUtc = now.ToUniversalTime() };
        baseline.Apply(draft);
        return Result<AdoptionBaseline>.Success(baseline);
    }

    /// <summary>Replaces the figures; returns whether anything changed.</summary>
    public Result<bool> Revise(BaselineDraft draft, DateOnly? actualGoLive, DateOnly today, string? reason, DateTimeOffset now)
    {
        var errors = Validate(draft, actualGoLive, today, reason);
        if (errors.Any)
            return Result<bool>.Failure(errors.ToList());
        var before = Describe();
        Apply(draft);
        if (Describe() == before)
            return Result<bool>.Success(false);
        UpdatedUtc = now.ToUniversalTime();
        Version = Guid.NewGuid();
        return Result<bool>.Success(true);
    }

    public string Describe() =>
        $"target users: {TargetUsers}; reconciliation: {ReviewMeasures.Format(ReconciliationHoursPerMonth)} h/month; target share in the new process: " +
        $"{ReviewMeasures.Format(TargetSharePercent)}%; notes: {Notes}";

    private void Apply(BaselineDraft d)
    {
        TargetUsers = d.TargetUsers!.Value;
        ReconciliationHoursPerMonth = Math.Round(d.ReconciliationHoursPerMonth!.Value, 2);
        TargetSharePercent = Math.Round(d.TargetSharePercent!.Value, 2);
        Notes = (d.Notes ?? "").Replace("\r\n", "\n").Trim();
    }

    private static FieldErrors Validate(BaselineDraft d, DateOnly? actualGoLive, DateOnly today, string? reason)
    {
        var errors = new FieldErrors();
        if (d.TargetUsers is null)
            errors.Add(nameof(TargetUsers), "Target users is required.");
        else if (d.TargetUsers < 1)
            errors.Add(nameof(TargetUsers), "Target users must be at least 1: an adoption rate against nobody means nothing.");
        if (d.ReconciliationHoursPerMonth is null)
            errors.Add(nameof(ReconciliationHoursPerMonth), "Reconciliation hours per month is required (0 if there is none).");
        else if (d.ReconciliationHoursPerMonth is < 0 or > MaxHours)
            errors.Add(nameof(ReconciliationHoursPerMonth), $"Reconciliation hours per month must be from 0 to {MaxHours:N0}.");
        if (d.TargetSharePercent is null)
            errors.Add(nameof(TargetSharePercent), "Target share of work in the new process is required.");
        else if (d.TargetSharePercent is < 0 or > 100)
            errors.Add(nameof(TargetSharePercent), "Target share must be a percentage from 0 to 100.");
        errors.MaxLength(nameof(Notes), d.Notes, "Notes", MaxNotesLength);
        if (NeedsReason(actualGoLive, today) && string.IsNullOrWhiteSpace(reason))
            errors.Add("Reason", "The program is live: give the reason for changing the baseline the reviews compare against.");
        errors.MaxLength("Reason", reason, "Reason", MaxReasonLength);
        return errors;
    }
}
