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
