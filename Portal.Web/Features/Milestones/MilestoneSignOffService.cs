using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Milestones;

/// <summary>A sign-off a milestone or criterion can require: a program role, or one named member.</summary>
public sealed record RequirementOption(string Key, string Text, string? Role, string? UserId)
{
    public SignOffRequirement ToRequirement() => UserId is not null ? SignOffRequirement.ByPerson(UserId, Text) : SignOffRequirement.ByRole(Role!, Text);

    public static string KeyOf(SignOffRequirement r) => r.UserId is not null ? $"user:{r.UserId}" : $"role:{r.Role}";
}

/// <summary>The whole-milestone sign-off block of the milestone page.</summary>
public sealed record MilestoneSignOffView(
    IReadOnlyList<string> RequirementKeys, IReadOnlyList<string> RequirementLabels, IReadOnlyList<SignOffView> SignOffs, bool CanSign, string? SignBlockedReason);

/// <summary>
/// Signatures on a whole milestone and the sign-offs a change milestone requires as a whole. Password re-entered
/// before signing; membership checked on every call; PMO leads and administrators set the requirements; audited.
/// </summary>
public sealed class MilestoneSignOffService(IDbContextFactory<PortalDbContext> dbFactory, SignerVerification signers, TimeProvider clock)
{
    /// <summary>Roles and named members a requirement can name (viewers never sign).</summary>
    public async Task<IReadOnlyList<RequirementOption>> OptionsAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return [];
        var signers = program.Members.Where(m => m.Role != ProgramRole.Viewer).ToList();
        var ids = signers.Select(m => m.UserId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var roles = Enum.GetValues<ProgramRole>().Where(r => r != ProgramRole.Viewer)
            .Select(r => new RequirementOption($"role:{r}", r.DisplayName(), r.ToString(), null));
        var people = signers.Where(m => names.ContainsKey(m.UserId)).OrderBy(m => names[m.UserId], StringComparer.OrdinalIgnoreCase)
            .Select(m => new RequirementOption($"user:{m.UserId}", $"{names[m.UserId]} ({m.Role.DisplayName()})", null, m.UserId));
        return roles.Concat(people).ToList();
    }

    /// <summary>What the milestone page shows about whole-milestone signatures for this user.</summary>
    public static MilestoneSignOffView Describe(Milestone milestone, PortalProgram program, CurrentUser user)
    {
        var hash = milestone.ContentHash();
        var member = program.Members.FirstOrDefault(m => m.UserId == user.Id);
        string? blocked = member is null || member.Role == ProgramRole.Viewer ? "Only program members with a signing role sign milestones."
            : milestone.Kind == MilestoneKind.Technical && milestone.Status != MilestoneStatus.Complete ? "A technical milestone is signed once it is complete."
            : milestone.Kind == MilestoneKind.Change && milestone.Criteria.Count == 0 ? "Add criteria before the milestone can be signed."
            : null;
        return new MilestoneSignOffView(
            milestone.SignOffRequirements.Select(RequirementOption.KeyOf).ToList(),
            milestone.SignOffRequirements.Select(r => r.Label).ToList(),
            milestone.SignOffs.OrderBy(s => s.SignedUtc).Select(s => new SignOffView(s.PrintedName, s.Meaning, s.Comment, s.SignedUtc, s.IsStaleFor(hash))).ToList(),
            member is not null && blocked is null, blocked);
    }

    public async Task<Result> SignAsync(int programId, int milestoneId, string? password, SignOffMeaning meaning, string? comment, CurrentUser user,
        CancellationToken ct = default)
    {
        var verified = await signers.VerifyAsync(user, password, "Milestone", milestoneId.ToString(), programId, ct);
        if (!verified.Succeeded)
            return verified;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (program, milestone) = await LoadAsync(db, programId, milestoneId, user, ct);
        if (program is null || milestone is null)
            return Result.Failure("", "Milestone not found, or you are not a member of its program.");
        var member = program.Members.FirstOrDefault(m => m.UserId == user.Id);
        if (member is null || member.Role == ProgramRole.Viewer)
            return Result.Failure("", "Only program members with a signing role sign milestones.");
        var result = milestone.Sign(new Signer(user.Id, user.DisplayName, [member.Role.ToString()]), meaning, comment, clock.GetUtcNow());
        if (!result.Succeeded)
            return result;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "Milestone", milestone.Id.ToString(), "SignedOff", program.Id,
            NewValues: $"{meaning}; content hash {milestone.ContentHash()}", Reason: string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Sets the sign-offs a change milestone needs as a whole (PMO leads and administrators; a reason once work has started).</summary>
    public async Task<Result> RequireAsync(int programId, int milestoneId, IReadOnlyCollection<string> optionKeys, string? reason, Guid expectedVersion,
        CurrentUser user, CancellationToken ct = default)
    {
        var options = (await OptionsAsync(programId, user, ct)).ToDictionary(o => o.Key);
        var unknown = optionKeys.Where(k => !options.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
            return Result.Failure("Requirements", "Choose roles or members of this program.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (program, milestone) = await LoadAsync(db, programId, milestoneId, user, ct);
        if (program is null || milestone is null)
            return Result.Failure("", "Milestone not found, or you are not a member of its program.");
        if (!ProgramAccess.CanManage(program, user.Id, user.IsAdministrator))
            return Result.Failure("", "Only a PMO lead of this program or an administrator can change what a milestone requires.");
        if (milestone.Version != expectedVersion)
            return Result.Failure("", $"{milestone.Name} was changed by someone else since you opened it. Reload to see the change.");
        var before = string.Join(", ", milestone.SignOffRequirements.Select(r => r.Label));
        var result = milestone.RequireSignOffs(optionKeys.Distinct().Select(k => options[k].ToRequirement()), reason);
        if (!result.Succeeded)
            return result;
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "Milestone", milestone.Id.ToString(), "SignOffsRequired", program.Id,
            OldValues: before, NewValues: string.Join(", ", milestone.SignOffRequirements.Select(r => r.Label)),
            Reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), clock.GetUtcNow());
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

    private static async Task<(PortalProgram? Program, Milestone? Milestone)> LoadAsync(PortalDbContext db, int programId, int milestoneId, CurrentUser user,
        CancellationToken ct)
    {
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return (null, null);
        var milestone = await db.Milestones.Include(m => m.Criteria).ThenInclude(c => c.SignOffs)
            .FirstOrDefaultAsync(m => m.Id == milestoneId && db.Phases.Any(p => p.Id == m.PhaseId && p.ProgramId == programId), ct);
        return (program, milestone);
    }
}
