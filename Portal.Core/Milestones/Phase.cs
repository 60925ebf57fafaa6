using Portal.Core.Common;

namespace Portal.Core.Milestones;

/// <summary>A phase of a program (Discovery .. Sustain). Phases close in order, each when all its milestones are done (rule 3).</summary>
public sealed class Phase
{
    public const int MaxNameLength = 80;

    private readonly List<Milestone> _milestones = [];

    private Phase() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public int Order { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public DateTimeOffset? ClosedUtc { get; private set; }
    public IReadOnlyList<Milestone> Milestones => _milestones;

    public bool IsClosed => ClosedUtc is not null;

    public static Phase Create(int order, string name) => new() { Order = order, Name = name.Trim() };

    public void Add(Milestone milestone) => _milestones.Add(milestone);

    /// <summary>Adds a milestone to an open phase; a closed phase's plan is history.</summary>
    public Result<Milestone> AddMilestone(MilestoneKind kind, string? name, string? description)
    {
        if (IsClosed)
            return Result<Milestone>.Failure("", $"{Name} is closed; milestones are added to open phases only.");
        var created = Milestone.Create(kind, name, description);
        if (created.Succeeded)
            _milestones.Add(created.Value);
        return created;
    }

    /// <summary>
    /// What removing <paramref name="milestone"/> would do to the rest of the program: which technical milestones stop
    /// waiting for it, and which of those are then left with no change milestone at all.
    /// </summary>
    public static MilestoneRemoval ImpactOfRemoving(Milestone milestone, IEnumerable<Phase> programPhases)
    {
        if (milestone.Kind != MilestoneKind.Change)
            return new MilestoneRemoval(milestone, [], []);
        var waiting = programPhases.SelectMany(p => p.Milestones).Where(m => m.PairedWith.Contains(milestone)).ToList();
        return new MilestoneRemoval(milestone, waiting, waiting.Where(m => m.PairedWith.All(c => c == milestone)).ToList());
    }

    /// <summary>
    /// Removes a milestone from this open phase, and a change milestone from every pairing. A complete milestone, and a
    /// change milestone that a complete technical milestone was completed under, stay: they are the record of a passed
    /// gate. Removing the last change milestone of a technical milestone is allowed (the result names it): the PMO lead
    /// decides the plan, and the confirmation says which milestones lose their change gate.
    /// </summary>
    public Result<MilestoneRemoval> RemoveMilestone(Milestone milestone, string? reason, IEnumerable<Phase> programPhases)
    {
        if (!_milestones.Contains(milestone))
            return Result<MilestoneRemoval>.Failure("", "That milestone is not part of this phase.");
        if (IsClosed)
            return Result<MilestoneRemoval>.Failure("", $"{Name} is closed; its milestones are kept as the record of the phase.");
        if (milestone.Status == MilestoneStatus.Complete)
            return Result<MilestoneRemoval>.Failure("", $"{milestone.Name} is complete; reopen it before removing it.");
        var impact = ImpactOfRemoving(milestone, programPhases);
        var completed = impact.Unpaired.Where(t => t.Status == MilestoneStatus.Complete).Select(t => t.Name).ToList();
        if (completed.Count > 0)
            return Result<MilestoneRemoval>.Failure("",
                $"{string.Join(", ", completed)} {(completed.Count == 1 ? "was" : "were")} completed with {milestone.Name} as a gate; reopen {(completed.Count == 1 ? "it" : "them")} before removing {milestone.Name}.");
        if (milestone.CheckReason(reason, "removing it") is { } problem)
            return Result<MilestoneRemoval>.Failure(problem.Errors);

        foreach (var technical in impact.Unpaired)
            technical.Unpair(milestone);
        _milestones.Remove(milestone);
        return Result<MilestoneRemoval>.Success(impact);
    }

    /// <summary>Everything that keeps this phase open: incomplete technical milestones and unmet change criteria.</summary>
    public IReadOnlyList<string> OpenItems(ProgramFacts facts, CriterionEvaluators evaluators) =>
        _milestones.SelectMany(m => m.Kind == MilestoneKind.Technical
                ? m.Status == MilestoneStatus.Complete ? [] : new[] { $"{m.Name} is not complete" }
                : m.Unmet(facts, evaluators).Select(u => $"{u.MilestoneName}: {u.Reason}"))
            .ToList();

    /// <summary>Closes this phase when every earlier phase is closed and nothing in it is open.</summary>
    public Result Close(IEnumerable<Phase> programPhases, ProgramFacts facts, CriterionEvaluators evaluators, DateTimeOffset now)
    {
        if (IsClosed)
            return Result.Failure("", $"{Name} is already closed.");
        var earlier = programPhases.Where(p => p.Order < Order && !p.IsClosed).OrderBy(p => p.Order).ToList();
        if (earlier.Count > 0)
            return Result.Failure("", $"Phases close in order: close {string.Join(", ", earlier.Select(p => p.Name))} first.");
        var open = OpenItems(facts, evaluators);
        if (open.Count > 0)
            return Result.Failure(open.Select(item => new FieldError("", item)));
        ClosedUtc = now.ToUniversalTime();
        return Result.Success();
    }
}

/// <summary>What a removal did: the milestone, the technical milestones that stopped waiting for it, and those left with none.</summary>
public sealed record MilestoneRemoval(Milestone Removed, IReadOnlyList<Milestone> Unpaired, IReadOnlyList<Milestone> Ungated);
