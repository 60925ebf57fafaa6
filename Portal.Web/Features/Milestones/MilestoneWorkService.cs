using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Milestones;

/// <summary>
/// The milestone page's work: read one milestone with its criteria, record evidence, sign off (password re-entered,
/// failures counted toward lockout and audited) and set a technical milestone's status. Membership checked on every call.
/// </summary>
public sealed class MilestoneWorkService(
    IDbContextFactory<PortalDbContext> dbFactory, SignerVerification signers, CriterionEvaluators evaluators, ProgramFactsLoader factsLoader,
    TimeProvider clock)
{
    public async Task<MilestoneDetails?> GetAsync(int programId, int milestoneId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (program, phases) = await LoadAsync(db, programId, user, ct);
        var phase = phases?.FirstOrDefault(p => p.Milestones.Any(m => m.Id == milestoneId));
        if (program is null || phase is null)
            return null;
        var milestone = phase.Milestones.Single(m => m.Id == milestoneId);
        var facts = await factsLoader.LoadAsync(db, program, ct);
        var member = program.Members.FirstOrDefault(m => m.UserId == user.Id);
        var criteria = milestone.Criteria.Select(c =>
        {
            var evaluation = c.Evaluate(facts, evaluators);
            var hash = c.ContentHash();
            return new CriterionView(c.Id, c.Kind, c.Title, c.Description, c.Evidence, evaluation.IsMet, evaluation.Reasons, evaluation.MeasuredValue,
                evaluation.Threshold, c.Requirements.Select(r => r.Label).ToList(),
                c.SignOffs.OrderBy(s => s.SignedUtc).Select(s => new SignOffView(s.PrintedName, s.Meaning, s.Comment, s.SignedUtc, s.IsStaleFor(hash))).ToList(),
                c.Kind == CriterionKind.Evidence && member is not null && c.Requirements.Any(r => r.UserId == user.Id || r.Role == member.Role.ToString()));
        }).ToList();
        var paired = phases!.SelectMany(p => p.Milestones.Select(m => (p, m))).Where(x => milestone.PairedWith.Any(pm => pm.Id == x.m.Id))
            .Select(x => MilestoneViews.View(x.m, x.p, facts, evaluators)).ToList();
        var canComplete = ProgramAccess.CanManage(program, user.Id, user.IsAdministrator);
        // History from the audit trail: the milestone's own entries and those of its criteria, newest first.
        var milestoneKey = milestone.Id.ToString();
        var criterionKeys = milestone.Criteria.Select(c => c.Id.ToString()).ToList();
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ProgramId == programId && ((a.EntityType == "Milestone" && a.EntityId == milestoneKey)
                || (a.EntityType == "Criterion" && criterionKeys.Contains(a.EntityId))))
            .OrderByDescending(a => a.Sequence).Take(50)
            .Select(a => new HistoryEntry(a.OccurredUtc, a.ActorName, a.Action, a.NewValues, a.Reason))
            .ToListAsync(ct);
        return new MilestoneDetails(program.Id, program.Name, MilestoneViews.View(milestone, phase, facts, evaluators), milestone.Description, criteria, paired,
            CanEdit(program, user), canComplete, history, MilestoneSignOffService.Describe(milestone, program, user));
    }

    public async Task<Result> RecordEvidenceAsync(int programId, int criterionId, string? evidence, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (criterion, program) = await LoadCriterionAsync(db, programId, criterionId, user, ct);
        if (criterion is null || program is null)
            return Result.Failure("", "Criterion not found, or you are not a member of its program.");
        if (!CanEdit(program, user))
            return Result.Failure("", "Viewers cannot record evidence.");
        var old = criterion.Evidence;
        if ((evidence?.Trim() ?? string.Empty) == old)
            return Result.Success(); // unchanged: nothing to write, and existing sign-offs stay valid
        var result = criterion.RecordEvidence(evidence);
        if (!result.Succeeded)
            return result;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "Criterion", criterion.Id.ToString(), "EvidenceRecorded", program.Id,
            OldValues: old, NewValues: criterion.Evidence), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Signs a criterion after checking the signer's password again; a wrong password counts toward lockout and is audited.</summary>
    public async Task<Result> SignAsync(int programId, int criterionId, string password, SignOffMeaning meaning, string? comment, CurrentUser user,
        CancellationToken ct = default)
    {
        var verified = await signers.VerifyAsync(user, password, "Criterion", criterionId.ToString(), programId, ct);
        if (!verified.Succeeded)
            return verified;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (criterion, program) = await LoadCriterionAsync(db, programId, criterionId, user, ct);
        if (criterion is null || program is null)
            return Result.Failure("", "Criterion not found, or you are not a member of its program.");
        var member = program.Members.FirstOrDefault(m => m.UserId == user.Id);
        if (member is null || !criterion.Requirements.Any(r => r.UserId == user.Id || r.Role == member.Role.ToString()))
            return Result.Failure("", "Your program role is not among the sign-offs this criterion requires.");
        var result = criterion.Sign(new Signer(user.Id, user.DisplayName, [member.Role.ToString()]), meaning, comment, clock.GetUtcNow());
        if (!result.Succeeded)
            return result;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "Criterion", criterion.Id.ToString(), "SignedOff", program.Id,
            NewValues: $"{meaning}; content hash {criterion.ContentHash()}", Reason: comment), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return result;
    }

    public async Task<Result> SetStatusAsync(int programId, int milestoneId, MilestoneStatus status, Guid expectedVersion, CurrentUser user,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && db.Phases.Any(p => p.Id == m.PhaseId && p.ProgramId == programId), ct);
        if (program is null || milestone is null)
            return Result.Failure("", "Milestone not found, or you are not a member of its program.");
        if (!CanEdit(program, user))
            return Result.Failure("", "Viewers cannot change milestones.");
        if (milestone.Version != expectedVersion)
            return Result.Failure("", $"{milestone.Name} was changed by someone else since you opened it (status now {milestone.Status}). Reload to see the change.");
        var old = milestone.Status;
        var result = milestone.SetStatus(status);
        if (!result.Succeeded)
            return result;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "Milestone", milestone.Id.ToString(), "StatusChanged", program.Id,
            OldValues: old.ToString(), NewValues: status.ToString()), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Failure("", $"{milestone.Name} was changed by someone else at the same moment. Nothing was overwritten; reload to see the change.");
        }
        return result;
    }

    /// <summary>Adds an evidence criterion with role sign-offs to a change milestone (PMO leads and administrators; audited).</summary>
    public Task<Result> AddCriterionAsync(int programId, int milestoneId, string? title, IReadOnlyCollection<ProgramRole> signOffRoles, CurrentUser user,
        CancellationToken ct = default) =>
        EditAsync(programId, milestoneId, user, ct, milestone =>
        {
            var criterion = Criterion.Evidential(title, null, signOffRoles.Select(r => SignOffRequirement.ByRole(r.ToString(), r.DisplayName())));
            if (!criterion.Succeeded)
                return (Result.Failure(criterion.Errors), null);
            var added = milestone.AddCriterion(criterion.Value);
            return (added, added.Succeeded ? new AuditEvent(user.Id, user.DisplayName, "Milestone", milestone.Id.ToString(), "CriterionAdded", programId,
                NewValues: $"{criterion.Value.Title}; sign-offs {string.Join(", ", signOffRoles)}") : null);
        });

    public Task<Result> RemoveCriterionAsync(int programId, int milestoneId, int criterionId, string? reason, CurrentUser user, CancellationToken ct = default) =>
        EditAsync(programId, milestoneId, user, ct, milestone =>
        {
            var title = milestone.Criteria.FirstOrDefault(c => c.Id == criterionId)?.Title;
            var removed = milestone.RemoveCriterion(criterionId, reason);
            return (removed, removed.Succeeded ? new AuditEvent(user.Id, user.DisplayName, "Milestone", milestone.Id.ToString(), "CriterionRemoved", programId,
                OldValues: title, Reason: reason?.Trim()) : null);
        });

    public Task<Result> RenameAsync(int programId, int milestoneId, string? name, string? reason, CurrentUser user, CancellationToken ct = default) =>
        EditAsync(programId, milestoneId, user, ct, milestone =>
        {
            var old = milestone.Name;
            var renamed = milestone.Rename(name, reason);
            return (renamed, renamed.Succeeded ? new AuditEvent(user.Id, user.DisplayName, "Milestone", milestone.Id.ToString(), "Renamed", programId,
                OldValues: old, NewValues: milestone.Name, Reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()) : null);
        });

    private async Task<Result> EditAsync(int programId, int milestoneId, CurrentUser user, CancellationToken ct,
        Func<Milestone, (Result Result, AuditEvent? Audit)> edit)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        var milestone = await db.Milestones.Include(m => m.Criteria).ThenInclude(c => c.SignOffs)
            .FirstOrDefaultAsync(m => m.Id == milestoneId && db.Phases.Any(p => p.Id == m.PhaseId && p.ProgramId == programId), ct);
        if (program is null || milestone is null)
            return Result.Failure("", "Milestone not found, or you are not a member of its program.");
        if (!ProgramAccess.CanManage(program, user.Id, user.IsAdministrator))
            return Result.Failure("", "Only a PMO lead of this program or an administrator can change milestones and criteria.");
        var (result, audit) = edit(milestone);
        if (!result.Succeeded)
            return result;
        db.Audit(audit!, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Failure("", $"{milestone.Name} was changed by someone else at the same moment. Nothing was overwritten; reload to see the change.");
        }
        return result;
    }

    private async Task<(PortalProgram? Program, List<Phase>? Phases)> LoadAsync(PortalDbContext db, int programId, CurrentUser user, CancellationToken ct)
    {
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return (null, null);
        return (program, await MilestoneService.LoadPlanAsync(db, programId, ct));
    }

    private static async Task<(Criterion? Criterion, PortalProgram? Program)> LoadCriterionAsync(PortalDbContext db, int programId, int criterionId,
        CurrentUser user, CancellationToken ct)
    {
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return (null, null);
        var criterion = await db.Criteria.Include(c => c.SignOffs)
            .FirstOrDefaultAsync(c => c.Id == criterionId && db.Milestones.Any(m => m.Id == c.MilestoneId &&
                db.Phases.Any(p => p.Id == m.PhaseId && p.ProgramId == programId)), ct);
        return (criterion, program);
    }

    private static bool CanEdit(PortalProgram program, CurrentUser user) =>
        user.IsAdministrator || program.Members.Any(m => m.UserId == user.Id && m.Role != ProgramRole.Viewer);
}
