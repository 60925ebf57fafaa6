using Microsoft.EntityFrameworkCore;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.Scorecards;
using Portal.Core.Stakeholders;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.Stakeholders;

namespace Portal.Web.Features.Scorecards;

/// <summary>A portfolio row: the program's scorecard and the reader's role in it.</summary>
public sealed record PortfolioRow(int Id, string Name, string MyRole, Scorecard Card);

/// <summary>
/// Loads what the scorecard rules read, for one program or every program the user can see in one set of queries, and
/// builds the cards with <see cref="ScorecardBuilder"/>. The rules themselves are in Portal.Core (ADR-021).
/// </summary>
public sealed class ScorecardService(IDbContextFactory<PortalDbContext> dbFactory, ProgramFactsLoader factsLoader, CriterionEvaluators evaluators, TimeProvider clock)
{
    /// <summary>Null when the program does not exist or the user is not a member: callers answer "not found" either way.</summary>
    public async Task<Scorecard?> GetAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        return program is null ? null : (await BuildAsync(db, [program], ct))[0];
    }

    public async Task<IReadOnlyList<PortfolioRow>> PortfolioAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var programs = await db.Programs.AsNoTracking().Include(p => p.Members)
            .Where(p => user.IsAdministrator || p.Members.Any(m => m.UserId == user.Id))
            .OrderBy(p => p.Name).ToListAsync(ct);
        var cards = await BuildAsync(db, programs, ct);
        return programs.Zip(cards, (p, card) => new PortfolioRow(p.Id, p.Name,
            p.Members.FirstOrDefault(m => m.UserId == user.Id)?.Role.DisplayName() ?? "Administrator", card)).ToList();
    }

    private async Task<IReadOnlyList<Scorecard>> BuildAsync(PortalDbContext db, IReadOnlyList<PortalProgram> programs, CancellationToken ct)
    {
        if (programs.Count == 0)
            return [];
        var ids = programs.Select(p => p.Id).ToList();
        var now = clock.GetUtcNow();
        var facts = await factsLoader.LoadAsync(db, programs, ct);
        var today = facts[ids[0]].Today;

        var phases = (await db.Phases.AsNoTracking().Where(p => ids.Contains(p.ProgramId)).OrderBy(p => p.Order)
                .Include(p => p.Milestones).ThenInclude(m => m.Criteria).ThenInclude(c => c.SignOffs)
                .Include(p => p.Milestones).ThenInclude(m => m.PairedWith).ThenInclude(m => m.Criteria).ThenInclude(c => c.SignOffs)
                .AsSplitQuery().ToListAsync(ct))
            .ToLookup(p => p.ProgramId);
        var map = await StakeholderMapQuery.LoadAsync(db, ids, ct);
        var history = (await db.StakeholderAssessments.AsNoTracking()
                .Where(r => ids.Contains(r.ProgramId) && r.GroupId != null)
                .Select(r => new { r.ProgramId, GroupId = r.GroupId!.Value, r.Assessment.AssessedUtc, r.Assessment.CurrentSupport })
                .ToListAsync(ct))
            .ToLookup(r => r.ProgramId);
        var workarounds = (await db.LegacyWorkarounds.AsNoTracking().Where(w => ids.Contains(w.ProgramId)).ToListAsync(ct)).ToLookup(w => w.ProgramId);
        var reviews = (await db.AdoptionReviews.AsNoTracking().Where(r => ids.Contains(r.ProgramId)).ToListAsync(ct)).ToLookup(r => r.ProgramId);
        var baselines = await db.AdoptionBaselines.AsNoTracking().Where(b => ids.Contains(b.ProgramId)).ToDictionaryAsync(b => b.ProgramId, ct);
        var integration = await IntegrationScoreLoader.LoadAsync(db, ids, now, ct);
        var sponsorship = (await db.SponsorshipActions.AsNoTracking().Where(a => ids.Contains(a.ProgramId))
                .Select(a => new { a.ProgramId, a.Date }).ToListAsync(ct))
            .ToLookup(a => a.ProgramId, a => a.Date);

        return programs.Select(p =>
        {
            var f = facts[p.Id];
            var entries = StakeholderMapQuery.Entries(map.For(p.Id), new StakeholderFilter());
            var peopleByGroup = entries.Where(e => e.Kind == StakeholderKind.Group).ToDictionary(e => e.Id, e => (e.Name, e.People));
            var histories = history[p.Id].GroupBy(h => h.GroupId).Where(g => peopleByGroup.ContainsKey(g.Key))
                .Select(g => new GroupHistory(peopleByGroup[g.Key].Name, peopleByGroup[g.Key].People,
                    g.OrderBy(h => h.AssessedUtc).Select(h => new Core.Playbooks.SupportPoint(h.AssessedUtc, h.CurrentSupport)).ToList()))
                .ToList();
            var inputs = new ScorecardInputs(p.Id, p.Name, now, DateOnly.FromDateTime(p.CreatedUtc.UtcDateTime), f,
                phases[p.Id].Select(ph => Phase(ph, f)).ToList(),
                new ReadinessInput(entries, histories, f.Section<Core.Playbooks.PlaybookFacts>()),
                workarounds[p.Id].Select(w => new WorkaroundInput(w.Name, w.StatusOn(today), w.Slips)).ToList(),
                new AdoptionInput(p.ActualGoLive,
                    baselines.GetValueOrDefault(p.Id) is { } b ? new BaselineInput(b.TargetUsers, b.ReconciliationHoursPerMonth, b.TargetSharePercent) : null,
                    reviews[p.Id].Select(r => new ReviewInput(r.Day, r.DueDate, r.StatusOn(today), r.Measures)).ToList()),
                sponsorship[p.Id].ToList(), p.TotalBudget, p.ChangeBudget) { IntegrationHealth = integration[p.Id] };
            return ScorecardBuilder.Build(inputs);
        }).ToList();
    }

    private PhaseGateInput Phase(Phase phase, ProgramFacts facts)
    {
        var technical = phase.Milestones.Where(m => m.Kind == MilestoneKind.Technical).OrderBy(m => m.Id)
            .Select(m => new TechnicalGateInput(m.Name, m.Status, m.PairedWith.Count, m.PairedWith.All(c => c.IsMet(facts, evaluators))))
            .ToList();
        var change = phase.Milestones.Where(m => m.Kind == MilestoneKind.Change).ToList();
        return new PhaseGateInput(phase.Name, phase.IsClosed, technical, change.Count, change.Count(c => c.IsMet(facts, evaluators)));
    }
}
