using Portal.Core.Common;
using Portal.Core.Milestones;

namespace Portal.Core.Programs;

/// <summary>
/// A program runs technology delivery and change management as one (shared/PRODUCT.md).
/// The foundation holds identity, systems, dates and membership; phases and paired milestones hang off it.
/// </summary>
public sealed class PortalProgram
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 2000;

    private readonly List<ProgramMember> _members = [];
    private readonly List<Phase> _phases = [];
    private List<string> _systems = [];

    private PortalProgram() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;
    public IReadOnlyList<string> Systems => _systems;
    public DateOnly? PlannedGoLive { get; private set; }
    public DateOnly? ActualGoLive { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }
    public IReadOnlyCollection<ProgramMember> Members => _members;

    /// <summary>The program's phases in order, with their paired milestones (loaded on demand).</summary>
    public IReadOnlyList<Phase> Phases => _phases;

    /// <summary>Total implementation budget and the part for change management (the scorecard compares them).</summary>
    public decimal? TotalBudget { get; private set; }
    public decimal? ChangeBudget { get; private set; }

    /// <summary>Gives a new program its phases, e.g. from <see cref="ProgramTemplate.Instantiate"/>; a program has one plan.</summary>
    public Result AdoptPlan(IReadOnlyList<Phase> phases)
    {
        if (_phases.Count > 0)
            return Result.Failure(nameof(Phases), "This program already has its phases.");
        if (phases.Select(p => p.Order).Distinct().Count() != phases.Count)
            return Result.Failure(nameof(Phases), "Each phase needs its own position.");
        _phases.AddRange(phases.OrderBy(p => p.Order));
        return Result.Success();
    }

    public Result SetBudget(decimal? total, decimal? change)
    {
        var errors = new FieldErrors();
        if (total < 0)
            errors.Add(nameof(TotalBudget), "The total budget cannot be negative.");
        if (change < 0)
            errors.Add(nameof(ChangeBudget), "The change management budget cannot be negative.");
        if (change > total)
            errors.Add(nameof(ChangeBudget), "The change management budget is part of the total budget and cannot exceed it.");
        if (errors.Any)
            return Result.Failure(errors.ToList());
        TotalBudget = total;
        ChangeBudget = change;
        return Result.Success();
    }

    /// <summary>The share of the budget for change management, 0..1, when both figures are known.</summary>
    public decimal? ChangeBudgetShare => TotalBudget is > 0 && ChangeBudget is { } change ? change / TotalBudget : null;

    public void SetActualGoLive(DateOnly? date) => ActualGoLive = date;

    public static Result<PortalProgram> Create(string? name, string? description, IEnumerable<string> systems,
        DateOnly? plannedGoLive, DateTimeOffset now)
    {
        var errors = Validate(name, description, systems, out var cleanSystems);
        if (errors.Any)
            return Result<PortalProgram>.Failure(errors.ToList());

        return Result<PortalProgram>.Success(new PortalProgram
        {
            Name = name!.Trim(),
            Description = description?.Trim() ?? string.Empty,
            _systems = cleanSystems,
            PlannedGoLive = plannedGoLive,
            CreatedUtc = now.ToUniversalTime(),
        });
    }

    public Result UpdateDetails(string? name, string? description, IEnumerable<string> systems, DateOnly? plannedGoLive)
    {
        var errors = Validate(name, description, systems, out var cleanSystems);
        if (errors.Any)
            return Result.Failure(errors.ToList());

        Name = name!.Trim();
        Description = description?.Trim() ?? string.Empty;
        _systems = cleanSystems;
        PlannedGoLive = plannedGoLive;
        return Result.Success();
    }

    public bool IsMember(string userId) => _members.Any(m => m.UserId == userId);

    /// <summary>Adds a member or changes the role of an existing one.</summary>
    public Result SetMember(string userId, ProgramRole role, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(userId))
            return Result.Failure("UserId", "Choose a user.");
        if (!Enum.IsDefined(role))
            return Result.Failure("Role", "Choose a program role.");

        var existing = _members.FirstOrDefault(m => m.UserId == userId);
        if (existing is { Role: ProgramRole.PmoLead } && role != ProgramRole.PmoLead && IsLastPmoLead(existing))
            return Result.Failure("Role", "A program needs at least one PMO lead; make another member PMO lead first.");
        if (existing is null)
            _members.Add(new ProgramMember(Id, userId, role, now));
        else
            existing.ChangeRole(role);
        return Result.Success();
    }

    /// <summary>Removes a member; the last PMO lead cannot be removed, or nobody could run the program.</summary>
    public Result RemoveMember(string userId)
    {
        var member = _members.FirstOrDefault(m => m.UserId == userId);
        if (member is null)
            return Result.Failure("UserId", "That user is not a member of this program.");
        if (IsLastPmoLead(member))
            return Result.Failure("UserId", "A program needs at least one PMO lead; add another before removing this one.");

        _members.Remove(member);
        return Result.Success();
    }

    private bool IsLastPmoLead(ProgramMember member) =>
        member.Role == ProgramRole.PmoLead && _members.Count(m => m.Role == ProgramRole.PmoLead) == 1;

    private static FieldErrors Validate(string? name, string? description, IEnumerable<string> systems, out List<string> cleanSystems)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Name), name, "Program name", MaxNameLength);
        errors.MaxLength(nameof(Description), description, "Description", MaxDescriptionLength);

        cleanSystems = systems.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cleanSystems.Count > SystemKinds.MaxSystems)
            errors.Add(nameof(Systems), $"At most {SystemKinds.MaxSystems} systems can be listed.");
        foreach (var tooLong in cleanSystems.Where(s => s.Length > SystemKinds.MaxNameLength))
            errors.Add(nameof(Systems), $"System name '{tooLong[..20]}...' is longer than {SystemKinds.MaxNameLength} characters.");
        if (cleanSystems.Any(s => s.Contains(';')))
            errors.Add(nameof(Systems), "System names cannot contain ';'.");
        return errors;
    }
}
