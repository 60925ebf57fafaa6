namespace Portal.Core.Milestones;

/// <summary>
/// What computed criteria may read about a program, gathered by the data layer in one go so evaluation stays
/// pure and testable. The core facts every program has are properties; each feature (stakeholders, training,
/// UAT, decommissioning, reviews) adds its own section, a record its evaluators read with <see cref="Section{T}"/>.
/// </summary>
public sealed record ProgramFacts(
    DateOnly Today,
    DateOnly? PlannedGoLive,
    DateOnly? ActualGoLive,
    IReadOnlyDictionary<string, int> MembersByRole)
{
    private IReadOnlyDictionary<Type, object> _sections = new Dictionary<Type, object>();

    /// <summary>The feature section of type <typeparamref name="T"/>, or null when no source provided it.</summary>
    public T? Section<T>() where T : class => _sections.TryGetValue(typeof(T), out var section) ? (T)section : null;

    /// <summary>A copy with <paramref name="section"/> added (or replacing the section of the same type).</summary>
    public ProgramFacts With(object section)
    {
        var sections = new Dictionary<Type, object>(_sections) { [section.GetType()] = section };
        return this with { _sections = sections };
    }
}
