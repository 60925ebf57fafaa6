using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Milestones;

/// <summary>
/// Phases and paired milestones of a program. Every path that completes a technical milestone (pages, API,
/// later imports and jobs) goes through <see cref="CompleteAsync"/>, which asks the gate in Portal.Core.
/// </summary>
public sealed class MilestoneService(IDbContextFactory<PortalDbContext> dbFactory, CriterionEvaluators evaluators, ProgramFactsLoader factsLoader, TimeProvider clock)
{
    public async Task<ProgramPlanView?> GetPlanAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        var phases = await LoadPlanAsync(db, programId, ct);
        var facts = await factsLoader.LoadAsync(db, program, ct);
        var views = phases.Select(p => new PhaseView(p.Id, p.Order, p.Name, p.IsClosed, p.Milestones
            .OrderBy(m => m.Kind).ThenBy(m => m.Id).Select(m => MilestoneViews.View(m, p, facts, evaluators)).ToList())).ToList();
        return new ProgramPlanView(program.Id, program.Name, phases.FirstOrDefault(p => !p.IsClosed)?.Name, views, CanComplete(program, user));
    }

    /// <summary>
    /// Completes a technical milestone if its paired change milestones are met. <paramref name="expectedVersion"/>
    /// is the version the caller saw: if someone changed the milestone since, nothing is overwritten.
    /// </summary>
    public async Task<MilestoneOutcome> CompleteAsync(int milestoneId, CurrentUser user, Guid? expectedVersion, string? reason, CancellationToken ct = default)
    {
        if (reason is { Length: > Milestone.MaxReasonLength })
            return new(OutcomeKind.Invalid, $"The reason must be at most {Milestone.MaxReasonLength} characters.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var milestone = await db.Milestones
            .Include(m => m.PairedWith).ThenInclude(c => c.Criteria).ThenInclude(c => c.SignOffs)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == milestoneId, ct);
        if (milestone is null)
            return MilestoneOutcome.NotFound;
        var phase = await db.Phases.AsNoTracking().FirstAsync(p => p.Id == milestone.PhaseId, ct);
        var program = await db.Programs.AsNoTracking().Include(p => p.Members).FirstAsync(p => p.Id == phase.ProgramId, ct);
        if (!ProgramAccess.CanView(program, user.Id, user.IsAdministrator))
            return MilestoneOutcome.NotFound;
        if (!CanComplete(program, user))
            return new(OutcomeKind.Forbidden, "Only a PMO lead of this program or an administrator can complete milestones.");
        if (expectedVersion is { } seen && seen != milestone.Version)
            return await ConflictAsync(db, milestone, ct);

        var facts = await factsLoader.LoadAsync(db, program, ct);
        var decision = milestone.Complete(facts, evaluators, user.DisplayName, clock.GetUtcNow());
        if (!decision.IsAllowed)
            return decision.Problem is not null
                ? new(OutcomeKind.Invalid, decision.Problem, Milestone: MilestoneViews.View(milestone, phase, facts, evaluators))
                : new(OutcomeKind.Blocked, Refusal(milestone.Name, decision.Unmet),
                    decision.Unmet.Select(u => new UnmetView(u.MilestoneId, u.CriterionId, u.CriterionTitle, u.Reason)).ToList(), MilestoneViews.View(milestone, phase, facts, evaluators));

        db.Audit(new AuditEvent(user.Id, user.DisplayName, "Milestone", milestone.Id.ToString(), "Completed", program.Id,
            OldValues: "Status: InProgress or earlier", NewValues: $"Status: Complete ({milestone.Name})", Reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()),
            clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(db, milestone, ct);
        }
        return new(OutcomeKind.Done, $"{milestone.Name} is complete.", Milestone: MilestoneViews.View(milestone, phase, facts, evaluators));
    }

    /// <summary>Closes a phase when every earlier phase is closed and all its milestones are done (rule 3).</summary>
    public async Task<Portal.Core.Common.Result> ClosePhaseAsync(int programId, int phaseId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return Portal.Core.Common.Result.Failure("", "Program not found, or you are not a member of it.");
        if (!CanComplete(program, user))
            return Portal.Core.Common.Result.Failure("", "Only a PMO lead of this program or an administrator can close phases.");
        var phases = await db.Phases.Where(p => p.ProgramId == programId).OrderBy(p => p.Order)
            .Include(p => p.Milestones).ThenInclude(m => m.Criteria).ThenInclude(c => c.SignOffs)
            .AsSplitQuery().ToListAsync(ct);
        var phase = phases.FirstOrDefault(p => p.Id == phaseId);
        if (phase is null)
            return Portal.Core.Common.Result.Failure("", "Phase not found.");
        var result = phase.Close(phases, await factsLoader.LoadAsync(db, program, ct), evaluators, clock.GetUtcNow());
        if (!result.Succeeded)
            return result;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "Phase", phase.Id.ToString(), "Closed", program.Id, NewValues: phase.Name), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Reopens a completed milestone: PMO lead only, with a reason that goes into the audit trail.</summary>
    public async Task<Portal.Core.Common.Result> ReopenAsync(int programId, int milestoneId, string? reason, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && db.Phases.Any(p => p.Id == m.PhaseId && p.ProgramId == programId), ct);
        if (program is null || milestone is null)
            return Portal.Core.Common.Result.Failure("", "Milestone not found, or you are not a member of its program.");
        var isPmoLead = program.Members.Any(m => m.UserId == user.Id && m.Role == ProgramRole.PmoLead);
        var completedBy = milestone.CompletedBy;
        var result = milestone.Reopen(isPmoLead, reason);
        if (!result.Succeeded)
            return result;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "Milestone", milestone.Id.ToString(), "Reopened", program.Id,
            OldValues: $"Complete (by {completedBy})", NewValues: "InProgress", Reason: reason!.Trim()), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Headline per visible program for the portfolio and the API: current phase, status, blocked milestones.</summary>
    public async Task<IReadOnlyDictionary<int, ProgramHeadline>> HeadlinesAsync(IReadOnlyCollection<int> programIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var programs = await db.Programs.AsNoTracking().Include(p => p.Members).Where(p => programIds.Contains(p.Id)).ToListAsync(ct);
        var phases = (await db.Phases.AsNoTracking().Where(p => programIds.Contains(p.ProgramId)).OrderBy(p => p.Order)
                .Include(p => p.Milestones).ThenInclude(m => m.Criteria).ThenInclude(c => c.SignOffs)
                .Include(p => p.Milestones).ThenInclude(m => m.PairedWith).ThenInclude(m => m.Criteria).ThenInclude(c => c.SignOffs)
                .AsSplitQuery().ToListAsync(ct))
            .ToLookup(p => p.ProgramId);
        var facts = await factsLoader.LoadAsync(db, programs, ct);
        return programs.ToDictionary(p => p.Id, p => Headline(phases[p.Id].ToList(), facts[p.Id]));
    }

    private ProgramHeadline Headline(List<Phase> phases, ProgramFacts facts)
    {
        if (phases.Count == 0)
            return new ProgramHeadline(null, "No phases", 0);
        var current = phases.FirstOrDefault(p => !p.IsClosed);
        if (current is null)
            return new ProgramHeadline(null, "Complete", 0);
        var technical = current.Milestones.Where(m => m.Kind == MilestoneKind.Technical && m.Status != MilestoneStatus.Complete).ToList();
        // Held back: marked Blocked, or under way while a paired change milestone is unmet. Work not yet started is not "blocked".
        var blocked = technical.Count(m => m.Status == MilestoneStatus.Blocked
            || (m.Status == MilestoneStatus.InProgress && m.PairedWith.Any(c => !c.IsMet(facts, evaluators))));
        var status = blocked > 0 ? "Blocked" : technical.Count == 0 ? "Ready to close" : technical.Any(m => m.Status != MilestoneStatus.NotStarted) ? "In progress" : "Not started";
        return new ProgramHeadline(current.Name, status, blocked);
    }

    private static string Refusal(string milestone, IReadOnlyList<UnmetCriterion> unmet)
    {
        var criteria = unmet.Select(u => u.CriterionId).Distinct().Count();
        return $"{milestone} cannot be completed: {criteria} {(criteria == 1 ? "criterion" : "criteria")} of its paired change milestones " +
               $"{(criteria == 1 ? "is" : "are")} unmet ({string.Join("; ", unmet.Select(u => u.Reason))}).";
    }

    private async Task<MilestoneOutcome> ConflictAsync(PortalDbContext db, Milestone milestone, CancellationToken ct)
    {
        var current = await db.Milestones.AsNoTracking().Where(m => m.Id == milestone.Id)
            .Select(m => new { m.Status, m.CompletedBy }).FirstAsync(ct);
        var who = current.CompletedBy is null ? "someone else" : current.CompletedBy;
        return new(OutcomeKind.Conflict,
            $"{milestone.Name} was changed by {who} since you opened it (status now {current.Status}). Nothing was overwritten; reload to see the change.");
    }

    internal static async Task<List<Phase>> LoadPlanAsync(PortalDbContext db, int programId, CancellationToken ct) =>
        await db.Phases.AsNoTracking().Where(p => p.ProgramId == programId).OrderBy(p => p.Order)
            .Include(p => p.Milestones).ThenInclude(m => m.Criteria).ThenInclude(c => c.SignOffs)
            .Include(p => p.Milestones).ThenInclude(m => m.PairedWith)
            .AsSplitQuery()
            .ToListAsync(ct);


    // Completing and closing are managing the program: administrators and its PMO leads (Core ProgramAccess).
    private static bool CanComplete(PortalProgram program, CurrentUser user) => ProgramAccess.CanManage(program, user.Id, user.IsAdministrator);
}
