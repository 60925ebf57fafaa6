using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Portal.Core.Common;

namespace Portal.Core.Milestones;

/// <summary>
/// A technical or change milestone of a phase. Technical milestones carry a status a person sets and are paired
/// with change milestones; change milestones carry criteria and are met when all of them hold.
/// </summary>
public sealed class Milestone
{
    public const int MaxNameLength = 200;
    public const int MaxReasonLength = 1000;

    private readonly List<Criterion> _criteria = [];
    private readonly List<Milestone> _pairedWith = [];
    private readonly List<SignOff> _signOffs = [];
    private List<SignOffRequirement> _requirements = [];

    private Milestone() { }

    public int Id { get; private set; }
    public int PhaseId { get; private set; }
    public MilestoneKind Kind { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;
    public MilestoneStatus Status { get; private set; }
    public DateTimeOffset? CompletedUtc { get; private set; }
    public string? CompletedBy { get; private set; }

    /// <summary>The change milestones a technical milestone waits for (loaded with it).</summary>
    public IReadOnlyList<Milestone> PairedWith => _pairedWith;
    public IReadOnlyList<Criterion> Criteria => _criteria;

    /// <summary>Signatures on the milestone as a whole (not on one criterion).</summary>
    public IReadOnlyList<SignOff> SignOffs => _signOffs;

    /// <summary>Sign-offs a change milestone needs on the whole, beyond its criteria's own (e.g. both teams approve the design).</summary>
    public IReadOnlyList<SignOffRequirement> SignOffRequirements => _requirements;

    /// <summary>Optimistic concurrency token: two people changing the same milestone at once cannot both win.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public static Result<Milestone> Create(MilestoneKind kind, string? name, string? description)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Name), name, "Milestone name", MaxNameLength);
        errors.MaxLength(nameof(Description), description, "Description", Criterion.MaxTextLength);
        if (!Enum.IsDefined(kind))
            errors.Add(nameof(Kind), "Choose technical or change.");
        return errors.Any
            ? Result<Milestone>.Failure(errors.ToList())
            : Result<Milestone>.Success(new Milestone { Kind = kind, Name = name!.Trim(), Description = description?.Trim() ?? "" });
    }

    public Result AddCriterion(Criterion criterion)
    {
        if (Kind != MilestoneKind.Change)
            return Result.Failure("", "Criteria belong to change milestones; a technical milestone is gated by its paired change milestones.");
        _criteria.Add(criterion);
        Touch();
        return Result.Success();
    }

    public Result PairWith(IEnumerable<Milestone> changeMilestones)
    {
        var list = changeMilestones.ToList();
        if (Kind != MilestoneKind.Technical)
            return Result.Failure(nameof(PairedWith), "Only technical milestones are paired with change milestones.");
        if (list.Any(m => m.Kind != MilestoneKind.Change))
            return Result.Failure(nameof(PairedWith), "A technical milestone can only be paired with change milestones.");
        _pairedWith.Clear();
        _pairedWith.AddRange(list.Distinct());
        Touch();
        return Result.Success();
    }

    /// <summary>
    /// Re-pairs a technical milestone: the new set replaces the old. A complete milestone keeps the pairing it was
    /// completed under (reopen it first); once work has started the change needs a reason for the audit trail.
    /// The caller makes sure the change milestones belong to the same program.
    /// </summary>
    public Result PairWith(IEnumerable<Milestone> changeMilestones, string? reason)
    {
        if (Kind == MilestoneKind.Technical && Status == MilestoneStatus.Complete)
            return Result.Failure(nameof(PairedWith), "This milestone is complete and keeps the pairing it was completed under; reopen it to change the pairing.");
        var problem = CheckReason(reason, "changing which change milestones it waits for");
        return problem ?? PairWith(changeMilestones);
    }

    /// <summary>Drops one change milestone from the pairing (it is being removed); true when it was paired.</summary>
    internal bool Unpair(Milestone changeMilestone)
    {
        if (!_pairedWith.Remove(changeMilestone))
            return false;
        Touch();
        return true;
    }

    /// <summary>A reason is needed once work has started and must fit the audit trail; null when the reason is acceptable.</summary>
    internal Result? CheckReason(string? reason, string change)
    {
        if (HasWorkStarted && string.IsNullOrWhiteSpace(reason))
            return Result.Failure("Reason", $"Work on {Name} has started: give the reason for {change}.");
        if (reason is not null && reason.Trim().Length > MaxReasonLength)
            return Result.Failure("Reason", $"The reason must be at most {MaxReasonLength} characters.");
        return null;
    }

    /// <summary>Shown for a change milestone that has no criteria yet (it has no criterion id of its own).</summary>
    public const string NoCriteriaTitle = "No criteria yet";

    /// <summary>
    /// Every unmet criterion of this change milestone, with its reasons; empty when the milestone is met. A change
    /// milestone without criteria is not met: otherwise a new, empty one, or one whose criteria were all removed,
    /// would open the gate of every technical milestone paired with it.
    /// </summary>
    public IReadOnlyList<UnmetCriterion> Unmet(ProgramFacts facts, CriterionEvaluators evaluators) =>
        Kind != MilestoneKind.Change ? []
        : _criteria.Count == 0 ? [new UnmetCriterion(Id, Name, null, NoCriteriaTitle, $"{Name} has no criteria yet: add what must hold before it counts as met")]
        : _criteria.SelectMany(c => c.Evaluate(facts, evaluators).Reasons
                .Select(reason => new UnmetCriterion(Id, Name, c.Id, c.Title, reason)))
            .Concat(SignOffRequirement.Missing(_requirements, _signOffs, ContentHash(), "the milestone")
                .Select(reason => new UnmetCriterion(Id, Name, null, MilestoneSignOffTitle, $"{reason} (on the whole milestone)")))
            .ToList();

    /// <summary>How the milestone's own required sign-offs are named where criteria are listed.</summary>
    public const string MilestoneSignOffTitle = "Sign-off of the whole milestone";

    public bool IsMet(ProgramFacts facts, CriterionEvaluators evaluators) => Kind == MilestoneKind.Change && Unmet(facts, evaluators).Count == 0;

    /// <summary>Not started, in progress or blocked; completion goes through <see cref="Complete"/> and its gate.</summary>
    public Result SetStatus(MilestoneStatus status)
    {
        if (Kind != MilestoneKind.Technical)
            return Result.Failure(nameof(Status), "A change milestone's state follows from its criteria.");
        if (status == MilestoneStatus.Complete)
            return Result.Failure(nameof(Status), "Complete a milestone with Complete, which checks its paired change milestones.");
        if (Status == MilestoneStatus.Complete)
            return Result.Failure(nameof(Status), "This milestone is complete; a PMO lead reopens it with a reason.");
        Status = status;
        Touch();
        return Result.Success();
    }

    /// <summary>
    /// Completes a technical milestone when every paired change milestone is met (rule 1). The refusal names
    /// every unmet criterion of every paired milestone.
    /// </summary>
    public GateDecision Complete(ProgramFacts facts, CriterionEvaluators evaluators, string completedBy, DateTimeOffset now)
    {
        if (Kind != MilestoneKind.Technical)
            return GateDecision.Refused("A change milestone is met by its criteria; only technical milestones are completed.");
        if (Status == MilestoneStatus.Complete)
            return GateDecision.Refused("This milestone is already complete.");
        var unmet = _pairedWith.SelectMany(m => m.Unmet(facts, evaluators)).ToList();
        if (unmet.Count > 0)
            return GateDecision.Blocked(unmet);

        Status = MilestoneStatus.Complete;
        CompletedUtc = now.ToUniversalTime();
        CompletedBy = completedBy;
        Touch();
        return GateDecision.Allowed;
    }

    /// <summary>Reopening needs a PMO lead and a reason (which the caller writes to the audit trail).</summary>
    public Result Reopen(bool actorIsPmoLead, string? reason)
    {
        if (Status != MilestoneStatus.Complete)
            return Result.Failure(nameof(Status), "Only a complete milestone can be reopened.");
        if (!actorIsPmoLead)
            return Result.Failure("", "Only a PMO lead of this program can reopen a completed milestone.");
        if (string.IsNullOrWhiteSpace(reason))
            return Result.Failure("Reason", "Give the reason for reopening; it goes into the audit trail.");
        if (reason.Trim().Length > MaxReasonLength)
            return Result.Failure("Reason", $"The reason must be at most {MaxReasonLength} characters.");
        Status = MilestoneStatus.InProgress;
        CompletedUtc = null;
        CompletedBy = null;
        Touch();
        return Result.Success();
    }

    /// <summary>Work has started once the status moved, the milestone was signed, or any criterion holds evidence or sign-offs; edits then need a reason.</summary>
    public bool HasWorkStarted => Status != MilestoneStatus.NotStarted || _signOffs.Count > 0 || _criteria.Any(c => c.Evidence.Length > 0 || c.SignOffs.Count > 0);

    public Result RemoveCriterion(int criterionId, string? reason)
    {
        var criterion = _criteria.FirstOrDefault(c => c.Id == criterionId);
        if (criterion is null)
            return Result.Failure("", "That criterion is not part of this milestone.");
        if (HasWorkStarted && string.IsNullOrWhiteSpace(reason))
            return Result.Failure("Reason", "Work on this milestone has started: give the reason for removing the criterion.");
        if (reason is { Length: > MaxReasonLength })
            return Result.Failure("Reason", $"The reason must be at most {MaxReasonLength} characters.");
        _criteria.Remove(criterion);
        Touch();
        return Result.Success();
    }

    public Result Rename(string? name, string? reason)
    {
        if (HasWorkStarted && string.IsNullOrWhiteSpace(reason))
            return Result.Failure("Reason", "Work on this milestone has started: give the reason for renaming it.");
        return Rename(name);
    }

    public Result Rename(string? name)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Name), name, "Milestone name", MaxNameLength);
        if (errors.Any)
            return Result.Failure(errors.ToList());
        Name = name!.Trim();
        Touch();
        return Result.Success();
    }

    /// <summary>
    /// Sets the sign-offs a change milestone needs as a whole. Once work has started this needs a reason, as any
    /// edit that changes what the gate asks for.
    /// </summary>
    public Result RequireSignOffs(IEnumerable<SignOffRequirement> requirements, string? reason)
    {
        if (Kind != MilestoneKind.Change)
            return Result.Failure(nameof(SignOffRequirements), "Only change milestones require sign-offs; a technical milestone is gated by its paired change milestones.");
        if (CheckReason(reason, "changing its required sign-offs") is { } problem)
            return problem;
        _requirements = requirements.Distinct().ToList();
        Touch();
        return Result.Success();
    }

    /// <summary>
    /// Signs the milestone as a whole. A technical milestone is signed once complete (attesting the completion; a
    /// reopen makes the signature stale); a change milestone at any time, its signature going stale when any of
    /// its criteria, their evidence or the milestone's wording change.
    /// </summary>
    public Result Sign(Signer signer, SignOffMeaning meaning, string? comment, DateTimeOffset now)
    {
        if (Kind == MilestoneKind.Technical && Status != MilestoneStatus.Complete)
            return Result.Failure("", "A technical milestone is signed once it is complete.");
        if (Kind == MilestoneKind.Change && _criteria.Count == 0)
            return Result.Failure("", "This change milestone has no criteria yet; there is nothing to sign.");
        var valid = SignOff.Validate(meaning, comment);
        if (!valid.Succeeded)
            return valid;
        _signOffs.Add(new SignOff(signer, meaning, comment?.Trim() ?? "", ContentHash(), now));
        return Result.Success();
    }

    /// <summary>
    /// SHA-256 over a canonical JSON form of the milestone: kind, name, description, status and, per criterion in
    /// a stable order, the criterion's own content hash with its evaluator and parameters. Ids are left out.
    /// </summary>
    public string ContentHash()
    {
        var criteria = _criteria
            .Select(c => string.Join('|', c.ContentHash(), c.EvaluatorKey ?? "",
                string.Join(',', c.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            new object[] { "milestone-v1", Kind.ToString(), Name, Description, Status.ToString(), criteria.ToArray() }))));
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>The gate's answer: allowed, or refused with every unmet criterion (or one general reason).</summary>
public sealed record GateDecision(bool IsAllowed, IReadOnlyList<UnmetCriterion> Unmet, string? Problem)
{
    public static GateDecision Allowed { get; } = new(true, [], null);
    public static GateDecision Blocked(IReadOnlyList<UnmetCriterion> unmet) => new(false, unmet, null);
    public static GateDecision Refused(string problem) => new(false, [], problem);
}
