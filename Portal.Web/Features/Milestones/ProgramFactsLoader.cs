using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Data;

namespace Portal.Web.Features.Milestones;

/// <summary>
/// A feature's contribution to <see cref="ProgramFacts"/>: one section per program, loaded for many programs at once
/// (the portfolio evaluates every visible program's gate in one request).
/// </summary>
public interface IProgramFactsSource
{
    Task<IReadOnlyDictionary<int, object>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> programIds, DateOnly today, CancellationToken ct);
}

/// <summary>Builds the facts computed criteria read: the program's own data plus every registered feature's section.</summary>
public sealed class ProgramFactsLoader(IEnumerable<IProgramFactsSource> sources, TimeProvider clock)
{
    public async Task<ProgramFacts> LoadAsync(PortalDbContext db, PortalProgram program, CancellationToken ct) =>
        (await LoadAsync(db, [program], ct))[program.Id];

    public async Task<IReadOnlyDictionary<int, ProgramFacts>> LoadAsync(PortalDbContext db, IReadOnlyCollection<PortalProgram> programs, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var facts = programs.ToDictionary(p => p.Id, p => Basic(p, today));
        var ids = facts.Keys.ToList();
        foreach (var source in sources)
            foreach (var (programId, section) in await source.LoadAsync(db, ids, today, ct))
                if (facts.TryGetValue(programId, out var current))
                    facts[programId] = current.With(section);
        return facts;
    }

    /// <summary>The facts every program has: dates and who holds which program role.</summary>
    public static ProgramFacts Basic(PortalProgram program, DateOnly today) => new(today, program.PlannedGoLive, program.ActualGoLive,
        program.Members.GroupBy(m => m.Role.ToString()).ToDictionary(g => g.Key, g => g.Count()));
}
