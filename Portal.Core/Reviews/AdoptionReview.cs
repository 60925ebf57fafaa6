using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Portal.Core.Common;
using Portal.Core.Milestones;
using Portal.Core.Programs;

namespace Portal.Core.Reviews;

/// <summary>Where a review stands on a given day; derived, never stored. The first that applies wins, in this order.</summary>
public enum ReviewStatus
{
    /// <summary>Every measure recorded and signed by a PMO lead and an executive sponsor on the content as it reads now.</summary>
    Completed = 1,
    /// <summary>The due date has passed and the review is not completed (started or not).</summary>
    Overdue = 2,
    /// <summary>Something is recorded (a measure, a finding, an action or a signature) and the due date has not passed.</summary>
    InProgress = 3,
    /// <summary>Nothing recorded and due within <see cref="AdoptionReview.DueSoonDays"/> days (due today included).</summary>
    DueSoon = 4,
    /// <summary>Nothing recorded and due later.</summary>
    Scheduled = 5,
}

/// <summary>
/// The 30-, 60- or 90-day adoption review of a live program: due <see cref="Day"/> days after the actual go-live, it records
/// the adoption measures, findings and reinforcement actions, and is completed when a PMO lead and an executive sponsor
/// sign what it says. Changing the measures or findings after a signature makes that signature stale.
/// </summary>
public sealed class AdoptionReview
{
    public const int DueSoonDays = 7;
    public const int MaxFindings = 30;
    public const int MaxFindingLength = 1000;

    /// <summary>Who must sign, by program role (the role names <see cref="Signer.Roles"/> carries).</summary>
    public static IReadOnlyList<SignOffRequirement> RequiredSigners { get; } =
    [
        SignOffRequirement.ByRole(nameof(ProgramRole.PmoLead), "PMO lead"),
        SignOffRequirement.ByRole(nameof(ProgramRole.ExecutiveSponsor), "sponsor"),
    ];

    private readonly List<SignOff> _signOffs = [];
    private readonly List<ReinforcementAction> _actions = [];
    private List<string> _findings = [];

    private AdoptionReview() { }

    internal AdoptionReview(int programId, int day, DateOnly dueDate, DateTimeOffset now)
    {
        ProgramId = programId;
        Day = day;
        DueDate = dueDate;
        ScheduledUtc = now.ToUniversalTime();
        UpdatedUtc = now.ToUniversalTime();
    }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }

    /// <summary>30, 60 or 90: days after the actual go-live.</summary>
    public int Day { get; private set; }
    public DateOnly DueDate { get; private set; }
    public DateTimeOffset ScheduledUtc { get; private set; }
    public DateTimeOffset UpdatedUtc { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public int? ActiveUsers { get; private set; }
    public int? TargetUsers { get; private set; }
    public decimal? NewProcessSharePercent { get; private set; }
    public decimal? ReconciliationHours { get; private set; }
    public int? MeetingsUsingData { get; private set; }
    public int? MeetingsHeld { get; private set; }

    public IReadOnlyList<string> Findings => _findings;
    public IReadOnlyList<ReinforcementAction> Actions => _actions;
    public IReadOnlyList<SignOff> SignOffs => _signOffs;

    public ReviewMeasures Measures => new(ActiveUsers, TargetUsers, NewProcessSharePercent, ReconciliationHours, MeetingsUsingData, MeetingsHeld);

    /// <summary>
    /// Started: anything recorded on it. A started review keeps its due date when the go-live moves and survives the go-live
    /// being cleared, because what people wrote down is tied to that date.
    /// </summary>
    public bool IsStarted => !Measures.IsEmpty || _findings.Count > 0 || _actions.Count > 0 || _signOffs.Count > 0;

    /// <summary>What is still missing before it counts as completed: measures first, then each signature.</summary>
    public IReadOnlyList<string> MissingForCompletion()
    {
        var missing = new List<string>();
        if (!Measures.IsComplete)
            missing.Add("measures missing");
        var hash = ContentHash();
        foreach (var requirement in RequiredSigners)
        {
            var signatures = _signOffs.Where(requirement.IsSatisfiedBy).ToList();
            if (signatures.Any(s => !s.IsStaleFor(hash)))
                continue;
            missing.Add(signatures.Count == 0 ? $"no {requirement.Label} sign-off" : $"{requirement.Label} sign-off is stale (measures or findings changed)");
        }
        return missing;
    }

    public bool IsCompleted => MissingForCompletion().Count == 0;

    public ReviewStatus StatusOn(DateOnly today) =>
        IsCompleted ? ReviewStatus.Completed
        : DueDate < today ? ReviewStatus.Overdue
        : IsStarted ? ReviewStatus.InProgress
        : DueDate.DayNumber - today.DayNumber <= DueSoonDays ? ReviewStatus.DueSoon
        : ReviewStatus.Scheduled;

    /// <summary>The signatures that count now (current, by a required role).</summary>
    public IReadOnlyList<SignOff> CurrentSignOffs()
    {
        var hash = ContentHash();
        return _signOffs.Where(s => !s.IsStaleFor(hash) && RequiredSigners.Any(r => r.IsSatisfiedBy(s))).ToList();
    }

    /// <summary>Replaces the measures; returns whether anything changed. Partial recording is fine; completion needs all.</summary>
    public Result<bool> RecordMeasures(ReviewMeasures measures, DateTimeOffset now)
    {
        var errors = measures.Validate();
        if (errors.Count > 0)
            return Result<bool>.Failure(errors);
        // Two decimals is what the database keeps; rounding here keeps the signed hash the same after a round trip.
        measures = measures with
        {
            NewProcessSharePercent = measures.NewProcessSharePercent is { } share ? Math.Round(share, 2) : null,
            ReconciliationHours = measures.ReconciliationHours is { } hours ? Math.Round(hours, 2) : null,
        };
        if (measures == Measures)
            return Result<bool>.Success(false);
        (ActiveUsers, TargetUsers, NewProcessSharePercent, ReconciliationHours, MeetingsUsingData, MeetingsHeld) =
            (measures.ActiveUsers, measures.TargetUsers, measures.NewProcessSharePercent, measures.ReconciliationHours, measures.MeetingsUsingData, measures.MeetingsHeld);
        Touch(now);
        return Result<bool>.Success(true);
    }

    /// <summary>Replaces the findings (blank lines dropped); returns whether they changed.</summary>
    public Result<bool> SetFindings(IEnumerable<string?> findings, DateTimeOffset now)
    {
        var clean = findings.Select(f => (f ?? "").Replace("\r\n", "\n").Trim()).Where(f => f.Length > 0).ToList();
        var errors = new FieldErrors();
        if (clean.Count > MaxFindings)
            errors.Add(nameof(Findings), $"At most {MaxFindings} findings; merge related ones.");
        foreach (var (finding, index) in clean.Select((f, i) => (f, i)).Where(x => x.f.Length > MaxFindingLength))
            errors.Add(nameof(Findings), $"Finding {index + 1} must be at most {MaxFindingLength} characters (it has {finding.Length}).");
        if (errors.Any)
            return Result<bool>.Failure(errors.ToList());
        if (clean.SequenceEqual(_findings))
            return Result<bool>.Success(false);
        _findings = clean;
        Touch(now);
        return Result<bool>.Success(true);
    }

    /// <summary>Adds a reinforcement action for a team below target. Actions are follow-up, not signed content.</summary>
    public Result<ReinforcementAction> AddAction(PortalProgram program, ActionDraft draft, DateOnly today, DateTimeOffset now)
    {
        if (program.Id != ProgramId)
            return Result<ReinforcementAction>.Failure("", "This review belongs to another program.");
        var created = ReinforcementAction.Create(program, Id, draft, today, now);
        if (!created.Succeeded)
            return created;
        _actions.Add(created.Value);
        Touch(now);
        return created;
    }

    /// <summary>
    /// A PMO lead or an executive sponsor signs the review as they were shown it (<paramref name="shownContentHash"/>). All
    /// measures must be recorded first; a second current signature by the same person is refused.
    /// </summary>
    public Result Sign(Signer signer, SignOffMeaning meaning, string? comment, string shownContentHash, DateTimeOffset now)
    {
        if (!RequiredSigners.Any(r => r.Role is { } role && signer.Roles.Contains(role)))
            return Result.Failure("", "Only the program's PMO leads and executive sponsors sign adoption reviews.");
        if (!Measures.IsComplete)
            return Result.Failure("", "Record all four measures before signing the review.");
        if (shownContentHash != ContentHash())
            return Result.Failure("", "The review changed since you opened it; reload and read it again before signing.");
        if (_signOffs.Any(s => s.SignerUserId == signer.UserId && !s.IsStaleFor(shownContentHash)))
            return Result.Failure("", "You have already signed this review as it stands.");
        var valid = SignOff.Validate(meaning, comment);
        if (!valid.Succeeded)
            return valid;
        _signOffs.Add(new SignOff(signer, meaning, comment?.Trim() ?? "", ContentHash(), now));
        Touch(now);
        return Result.Success();
    }

    /// <summary>Moves the due date of a review nothing has been recorded on; see <see cref="ReviewSchedule"/>.</summary>
    internal void MoveTo(DateOnly dueDate, DateTimeOffset now)
    {
        DueDate = dueDate;
        Touch(now);
    }

    /// <summary>Dedupe keys: one reminder and one overdue notice per person, review and due date.</summary>
    public string ReminderKey => $"review-reminder:{Id}:{DueDate:yyyy-MM-dd}";

    public string OverdueKey => $"review-overdue:{Id}:{DueDate:yyyy-MM-dd}";

    /// <summary>"30-day review due 3 Mar 2027", as reasons and notifications name it.</summary>
    public string Title => TitleOf(Day, DueDate);

    public static string TitleOf(int day, DateOnly due) => $"{day}-day review due {due.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The signed content as a signer reads it: day, measures and findings.</summary>
    public string CanonicalContent() =>
        $"{Day}-day adoption review\n{Measures.Canonical()}\nFindings:\n" + (_findings.Count == 0 ? "(none)" : string.Join("\n", _findings.Select(f => "- " + f)));

    /// <summary>SHA-256 over the day, the measures and the findings; the actions are follow-up and not part of it.</summary>
    public string ContentHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object[]
        {
            "adoption-review-v1", Day, Measures.Canonical(), _findings,
        }))));

    private void Touch(DateTimeOffset now)
    {
        UpdatedUtc = now.ToUniversalTime();
        Version = Guid.NewGuid();
    }
}
