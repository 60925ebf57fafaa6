using Portal.Core.Decommissioning;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Decommissioning;

/// <summary>A program's decommissioning register as its page shows it to one user on one day.</summary>
public sealed record DecommissioningRegister(
    int ProgramId, string ProgramName, DateOnly Today, DateOnly? GoLive, IReadOnlyList<OwnerOption> Owners,
    IReadOnlyList<WorkaroundView> Workarounds, bool CanEdit);

/// <summary>A program member who can own a workaround.</summary>
public sealed record OwnerOption(string UserId, string Name);

/// <summary>
/// One workaround for display with what the viewer may do. <see cref="ContentHash"/> is what the owner is shown and signs;
/// <see cref="Version"/> guards every change.
/// </summary>
public sealed record WorkaroundView(
    int Id, string Name, string ProcessArea, string OwnerUserId, string OwnerName, string ReplacedBy, DateOnly? DecommissionDate,
    WorkaroundStatus Status, int DaysOverdue, int Slips, string Evidence, DateTimeOffset? EvidenceRecordedUtc, string ContentHash, Guid Version,
    IReadOnlyList<SignOffView> SignOffs, SignOffView? Confirmation, bool CanEdit, bool CanRecordEvidence, bool CanSign)
{
    public SignOffView? LastSignature => Confirmation ?? SignOffs.LastOrDefault();

    public WorkaroundDraft ToDraft() => new(Name, ProcessArea, OwnerUserId, ReplacedBy, DecommissionDate);

    public string TestId() => new string(Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}

/// <summary>The add/edit form; the date is only asked for when adding (later it moves with a reason).</summary>
public sealed class WorkaroundForm
{
    public string? Name { get; set; }
    public string? ProcessArea { get; set; }
    public string? OwnerUserId { get; set; }
    public string? ReplacedBy { get; set; }
    public DateTime? DecommissionDate { get; set; }

    public WorkaroundDraft ToDraft() =>
        new(Name, ProcessArea, OwnerUserId, ReplacedBy, DecommissionDate is { } d ? DateOnly.FromDateTime(d) : null);

    public static WorkaroundForm From(WorkaroundView w) => new()
    {
        Name = w.Name, ProcessArea = w.ProcessArea, OwnerUserId = w.OwnerUserId, ReplacedBy = w.ReplacedBy,
        DecommissionDate = w.DecommissionDate?.ToDateTime(TimeOnly.MinValue),
    };
}
