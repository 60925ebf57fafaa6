using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.Reviews;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Decommissioning;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Reviews;

/// <summary>
/// A program's adoption baseline and its 30/60/90-day reviews: read by members (others are told "not found"); the baseline
/// is kept by PMO leads and administrators; measures, findings and reinforcement actions by PMO leads and change leads; a
/// PMO lead and an executive sponsor sign with their password re-entered. Every change is audited in the same save.
/// </summary>
public sealed class ReviewService(IDbContextFactory<PortalDbContext> dbFactory, SignerVerification signers, TimeProvider clock)
{
    public const string ReviewEntity = "AdoptionReview";
    public const string BaselineEntity = "AdoptionBaseline";
    public const string ActionEntity = "ReinforcementAction";
    public const string NotFound = "Review not found, or you are not a member of its program.";
    public const string NotManager = "Only PMO leads of this program and administrators can change the adoption baseline.";
    public const string NotRecorder = "Only PMO leads and change leads of this program, or administrators, can record reviews.";
    public const string Changed = "Someone else changed this review since you opened it; reload and try again. Nothing was overwritten.";

    public static bool CanRecord(PortalProgram program, CurrentUser user) => ProgramAccess.CanEditChangeWork(program, user.Id, user.IsAdministrator);

    public static bool CanSign(PortalProgram program, CurrentUser user) =>
        program.Members.Any(m => m.UserId == user.Id && m.Role is ProgramRole.PmoLead or ProgramRole.ExecutiveSponsor);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<ReviewsOverview?> GetAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        var baseline = await db.AdoptionBaselines.AsNoTracking().FirstOrDefaultAsync(b => b.ProgramId == programId, ct);
        var reviews = await db.AdoptionReviews.AsNoTracking().Where(r => r.ProgramId == programId).ToListAsync(ct);
        var today = Today;
        var cards = reviews.OrderBy(r => r.Day).Select(r => new ReviewCardView(r.Id, r.Day, r.DueDate, r.StatusOn(today), r.IsStarted,
            r.DueDate.DayNumber - today.DayNumber, r.MissingForCompletion(), r.Measures, r.Actions.Count(a => a.Status == ActionStatus.Open),
            r.Actions.Count(a => a.IsOverdueOn(today)))).ToList();
        return new ReviewsOverview(program.Id, program.Name, today, program.ActualGoLive, program.PlannedGoLive, baseline is null ? null : ViewOf(baseline),
            AdoptionBaseline.NeedsReason(program.ActualGoLive, today), cards, ReviewTrend.For(reviews, baseline),
            ProgramAccess.CanManage(program, user.Id, user.IsAdministrator), CanRecord(program, user));
    }

    public async Task<ReviewDetail?> GetReviewAsync(int programId, int day, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        var review = await db.AdoptionReviews.AsNoTracking().FirstOrDefaultAsync(r => r.ProgramId == programId && r.Day == day, ct);
        if (review is null)
            return null;
        var baseline = await db.AdoptionBaselines.AsNoTracking().FirstOrDefaultAsync(b => b.ProgramId == programId, ct);
        var names = await NamesAsync(db, program, review.Actions.Select(a => a.OwnerUserId), ct);
        var today = Today;
        var hash = review.ContentHash();
        var canRecord = CanRecord(program, user);
        var signedByMe = review.SignOffs.Any(s => s.SignerUserId == user.Id && !s.IsStaleFor(hash));
        var members = program.Members.Where(m => names.ContainsKey(m.UserId)).Select(m => new OwnerOption(m.UserId, names[m.UserId]))
            .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var actions = review.Actions.OrderBy(a => a.Status).ThenBy(a => a.DueDate).Select(a => new ActionView(a.Id, a.Team, a.Action, a.OwnerUserId,
            names.GetValueOrDefault(a.OwnerUserId, "Former member"), a.DueDate, a.Status, a.IsOverdueOn(today), a.DoneNote,
            a.Status == ActionStatus.Open && (canRecord || a.OwnerUserId == user.Id))).ToList();
        // Teams are usually stakeholder groups; offering their names keeps actions and the map talking about the same people.
        var teams = await db.StakeholderGroups.AsNoTracking().Where(g => g.ProgramId == programId).OrderBy(g => g.Name).Select(g => g.Name).ToListAsync(ct);
        var signOffs = review.SignOffs.OrderBy(s => s.SignedUtc).Select(s => new SignOffView(s.PrintedName, s.Meaning, s.Comment, s.SignedUtc, s.IsStaleFor(hash))).ToList();
        return new ReviewDetail(program.Id, program.Name, today, review.Id, review.Day, review.DueDate, review.StatusOn(today), review.IsStarted, review.Measures,
            baseline?.ReconciliationHoursPerMonth, baseline?.TargetUsers, review.Findings, actions, signOffs, review.MissingForCompletion(),
            review.CanonicalContent(), hash, review.Version, members, teams, canRecord, CanSign(program, user) && !signedByMe, signedByMe,
            ProgramAccess.CanManage(program, user.Id, user.IsAdministrator));
    }

    /// <summary>Captures or revises the baseline (PMO leads, administrators); on or after go-live only with a reason, which the audit keeps.</summary>
    public async Task<Result> SaveBaselineAsync(int programId, Guid? seenVersion, BaselineDraft draft, string? reason, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return Result.Failure("", NotFound);
        if (!ProgramAccess.CanManage(program, user.Id, user.IsAdministrator))
            return Result.Failure("", NotManager);
        var now = clock.GetUtcNow();
        var baseline = await db.AdoptionBaselines.FirstOrDefaultAsync(b => b.ProgramId == programId, ct);
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (baseline is null)
        {
            var captured = AdoptionBaseline.Capture(programId, draft, program.ActualGoLive, Today, reason, now);
            if (!captured.Succeeded)
                return captured;
            db.AdoptionBaselines.Add(captured.Value);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await SaveAsync(db, ct) is { } raced)
                return raced;
            db.Audit(new AuditEvent(user.Id, user.DisplayName, BaselineEntity, captured.Value.Id.ToString(), "Captured", programId,
                NewValues: captured.Value.Describe(), Reason: why), now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Result.Success();
        }
        if (seenVersion != baseline.Version)
            return Result.Failure("", "Someone else changed the baseline since you opened it; reload and try again.");
        var before = baseline.Describe();
        var revised = baseline.Revise(draft, program.ActualGoLive, Today, reason, now);
        if (!revised.Succeeded || !revised.Value)
            return revised;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, BaselineEntity, baseline.Id.ToString(), "Revised", programId, before, baseline.Describe(), why), now);
        return await SaveAsync(db, ct) ?? Result.Success();
    }

    public Task<Result> RecordMeasuresAsync(int programId, int reviewId, Guid seenVersion, ReviewMeasures measures, CurrentUser user, CancellationToken ct = default) =>
        ChangeAsync(programId, reviewId, seenVersion, user, "MeasuresRecorded", (review, now) => review.RecordMeasures(measures, now),
            review => review.Measures.Canonical(), ct);

    public Task<Result> SetFindingsAsync(int programId, int reviewId, Guid seenVersion, IEnumerable<string?> findings, CurrentUser user, CancellationToken ct = default) =>
        ChangeAsync(programId, reviewId, seenVersion, user, "FindingsRecorded", (review, now) => review.SetFindings(findings, now),
            review => string.Join(" | ", review.Findings), ct);

    public async Task<Result> AddActionAsync(int programId, int reviewId, ActionDraft draft, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (program, review, denied) = await LoadAsync(db, programId, reviewId, user, ct);
        if (review is null)
            return Result.Failure("", denied!);
        var now = clock.GetUtcNow();
        var added = review.AddAction(program!, draft, Today, now);
        if (!added.Succeeded)
            return added;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await SaveAsync(db, ct) is { } problem)
            return problem;
        var names = await NamesAsync(db, program!, [added.Value.OwnerUserId], ct);
        db.Audit(new AuditEvent(user.Id, user.DisplayName, ActionEntity, added.Value.Id.ToString(), "Created", programId,
            NewValues: $"{review.Day}-day review; {added.Value.Describe()}; owner: {names.GetValueOrDefault(added.Value.OwnerUserId, added.Value.OwnerUserId)}"), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Success();
    }

    /// <summary>The action's owner, or a PMO lead or change lead, closes it with a note on what was done.</summary>
    public async Task<Result> CompleteActionAsync(int programId, int actionId, string? note, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        var action = program is null ? null : await db.ReinforcementActions.FirstOrDefaultAsync(a => a.Id == actionId && a.ProgramId == programId, ct);
        if (program is null || action is null)
            return Result.Failure("", NotFound);
        if (action.OwnerUserId != user.Id && !CanRecord(program, user))
            return Result.Failure("", "Only the owner of this action, a PMO lead or change lead of this program, or an administrator can close it.");
        var before = action.Describe();
        var done = action.MarkDone(note, clock.GetUtcNow());
        if (!done.Succeeded)
            return done;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, ActionEntity, action.Id.ToString(), "Done", programId, before, action.Describe()), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return done;
    }

    /// <summary>A PMO lead or executive sponsor signs the review as they were shown it, with their password re-entered.</summary>
    public async Task<Result> SignAsync(int programId, int reviewId, string shownContentHash, string? password, SignOffMeaning meaning, string? comment,
        CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        var review = program is null ? null : await db.AdoptionReviews.FirstOrDefaultAsync(r => r.Id == reviewId && r.ProgramId == programId, ct);
        if (program is null || review is null)
            return Result.Failure("", NotFound);
        var member = program.Members.FirstOrDefault(m => m.UserId == user.Id);
        if (member is null || !CanSign(program, user))
            return Result.Failure("", "Only the program's PMO leads and executive sponsors sign adoption reviews.");
        var verified = await signers.VerifyAsync(user, password, ReviewEntity, reviewId.ToString(), programId, ct);
        if (!verified.Succeeded)
            return verified;
        var statusBefore = review.StatusOn(Today);
        var signed = review.Sign(new Signer(user.Id, user.DisplayName, [member.Role.ToString()]), meaning, comment, shownContentHash, clock.GetUtcNow());
        if (!signed.Succeeded)
            return signed;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, ReviewEntity, review.Id.ToString(), "SignedOff", programId, statusBefore.ToString(),
            $"{review.Day}-day review signed as {member.Role.DisplayName()}: {meaning}; status: {review.StatusOn(Today)}; content hash {review.ContentHash()}",
            string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()), clock.GetUtcNow());
        return await SaveAsync(db, ct) is null ? signed : Result.Failure("", "The review changed while you were signing; reload and read it again before signing.");
    }

    private async Task<Result> ChangeAsync(int programId, int reviewId, Guid seenVersion, CurrentUser user, string action,
        Func<AdoptionReview, DateTimeOffset, Result<bool>> change, Func<AdoptionReview, string> describe, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, review, denied) = await LoadAsync(db, programId, reviewId, user, ct);
        if (review is null)
            return Result.Failure("", denied!);
        if (review.Version != seenVersion)
            return Result.Failure("", Changed);
        var before = describe(review);
        var hadCurrentSignatures = review.CurrentSignOffs().Count > 0;
        var changed = change(review, clock.GetUtcNow());
        if (!changed.Succeeded || !changed.Value)
            return changed;
        var stale = hadCurrentSignatures ? "; the signatures on the review are now stale" : "";
        db.Audit(new AuditEvent(user.Id, user.DisplayName, ReviewEntity, review.Id.ToString(), action, programId, before, $"{review.Day}-day review; {describe(review)}{stale}"),
            clock.GetUtcNow());
        return await SaveAsync(db, ct) ?? Result.Success();
    }

    private static async Task<(PortalProgram? Program, AdoptionReview? Review, string? Denied)> LoadAsync(PortalDbContext db, int programId, int reviewId,
        CurrentUser user, CancellationToken ct)
    {
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return (null, null, NotFound);
        if (!CanRecord(program, user))
            return (null, null, NotRecorder);
        var review = await db.AdoptionReviews.FirstOrDefaultAsync(r => r.Id == reviewId && r.ProgramId == programId, ct);
        return review is null ? (null, null, NotFound) : (program, review, null);
    }

    private static async Task<Result?> SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Failure("", Changed);
        }
        catch (DbUpdateException e) when (e.IsUniqueKeyViolation())
        {
            return Result.Failure("", "Someone else saved the baseline at the same moment; reload and try again.");
        }
    }

    private static BaselineView ViewOf(AdoptionBaseline b) =>
        new(b.TargetUsers, b.ReconciliationHoursPerMonth, b.TargetSharePercent, b.Notes, b.CapturedUtc, b.UpdatedUtc, b.Version);

    internal static async Task<Dictionary<string, string>> NamesAsync(PortalDbContext db, PortalProgram program, IEnumerable<string> extra, CancellationToken ct)
    {
        var ids = program.Members.Select(m => m.UserId).Concat(extra).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
