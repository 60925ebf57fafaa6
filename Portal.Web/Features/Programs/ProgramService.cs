using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.Security;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.Reviews;
using Portal.Web.Features.Templates;

namespace Portal.Web.Features.Programs;

/// <summary>
/// Programs and their membership. Every read and write checks membership here, on the server:
/// a program the user may not see is reported as not found, so its existence does not leak.
/// </summary>
public sealed class ProgramService(IDbContextFactory<PortalDbContext> dbFactory, MilestoneService milestones, CriterionEvaluators evaluators,
    ReviewSchedulingTrigger reviewScheduling, TimeProvider clock)
{
    public async Task<IReadOnlyList<ProgramSummary>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Programs.AsNoTracking()
            .Where(p => user.IsAdministrator || p.Members.Any(m => m.UserId == user.Id))
            .Select(p => new
            {
                p.Id, p.Name, p.Description, Systems = EF.Property<List<string>>(p, "_systems"), p.PlannedGoLive, p.ActualGoLive,
                MemberCount = p.Members.Count,
                MyRole = p.Members.Where(m => m.UserId == user.Id).Select(m => (ProgramRole?)m.Role).FirstOrDefault(),
            })
            .OrderBy(p => p.Name)
            .ToListAsync(ct);
        var headlines = await milestones.HeadlinesAsync(rows.Select(r => r.Id).ToList(), ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return rows.Select(r =>
        {
            var headline = headlines.GetValueOrDefault(r.Id) ?? new ProgramHeadline(null, "No phases", 0);
            int? daysToGoLive = r.ActualGoLive is null && r.PlannedGoLive is { } planned ? planned.DayNumber - today.DayNumber : null;
            return new ProgramSummary(r.Id, r.Name, r.Description, r.Systems, r.PlannedGoLive, r.ActualGoLive, r.MemberCount,
                r.MyRole?.DisplayName() ?? "Administrator", headline.CurrentPhase, headline.Status, headline.BlockedMilestones, daysToGoLive);
        }).ToList();
    }

    /// <summary>Null when the program does not exist or the user may not see it: callers answer 404 either way.</summary>
    public async Task<ProgramDetails?> GetAsync(int id, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking().Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (program is null || !ProgramAccess.CanView(program, user.Id, user.IsAdministrator))
            return null;

        var userIds = program.Members.Select(m => m.UserId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.Email, u.JobTitle }, ct);
        var members = program.Members
            .Select(m => new ProgramMemberView(m.UserId, people[m.UserId].DisplayName, people[m.UserId].Email ?? "", people[m.UserId].JobTitle, m.Role))
            .OrderBy(m => m.Role).ThenBy(m => m.DisplayName)
            .ToList();
        return new ProgramDetails(program.Id, program.Name, program.Description, program.Systems, program.PlannedGoLive, program.ActualGoLive,
            program.CreatedUtc, members, ProgramAccess.CanManage(program, user.Id, user.IsAdministrator), program.TotalBudget, program.ChangeBudget);
    }

    /// <summary>
    /// Administrators and PMO leads create programs from a template (the built-in default unless the form names a saved one);
    /// the creator becomes its first PMO lead.
    /// </summary>
    public async Task<Result<int>> CreateAsync(ProgramForm form, CurrentUser user, CancellationToken ct = default)
    {
        if (!user.IsAdministrator && !user.IsInRole(PortalRoles.PmoLead))
            return Result<int>.Failure("", "Only administrators and PMO leads can create programs.");

        var now = clock.GetUtcNow();
        var systems = form.Systems.Concat(string.IsNullOrWhiteSpace(form.CustomSystem) ? [] : form.CustomSystem.Split(','));
        var created = PortalProgram.Create(form.Name, form.Description, systems, ToDate(form.PlannedGoLive), now);
        if (!created.Succeeded)
            return Result<int>.Failure(created.Errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Programs.AnyAsync(p => p.Name == created.Value.Name, ct))
            return Result<int>.Failure(nameof(ProgramForm.Name), "A program with this name already exists.");

        var program = created.Value;
        var budget = program.SetBudget(form.TotalBudget, form.ChangeBudget);
        if (!budget.Succeeded)
            return Result<int>.Failure(budget.Errors);
        var template = await ProgramTemplateService.ResolveAsync(db, form.TemplateId, ct);
        if (template is null)
            return Result<int>.Failure(nameof(ProgramForm.TemplateId), "That template no longer exists; choose another.");
        var plan = template.TryInstantiate(evaluators);
        if (!plan.Succeeded)
            return Result<int>.Failure(plan.Errors.Select(e => e with { Field = nameof(ProgramForm.TemplateId) }));
        program.SetMember(user.Id, ProgramRole.PmoLead, now);
        program.AdoptPlan(plan.Value);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct); // assigns the id the audit entry refers to
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "Program", program.Id.ToString(), "Created", program.Id,
            NewValues: $"{program.Name}; systems {string.Join(", ", program.Systems)}; planned go-live {program.PlannedGoLive:yyyy-MM-dd}; " +
                $"budget {program.TotalBudget} (change {program.ChangeBudget}); template '{template.Name}'"), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(program.Id);
    }

    /// <summary>Edits a program's details, dates and budgets: its PMO leads and administrators only; audited with old and new values.</summary>
    public async Task<Result<int>> UpdateAsync(int programId, ProgramForm form, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await LoadManageableAsync(db, programId, user, ct);
        if (program is null)
            return Result<int>.Failure("", "Program not found, or you may not edit it.");
        var before = Describe(program);
        var systems = form.Systems.Concat(string.IsNullOrWhiteSpace(form.CustomSystem) ? [] : form.CustomSystem.Split(','));
        var details = program.UpdateDetails(form.Name, form.Description, systems, ToDate(form.PlannedGoLive));
        var budget = details.Succeeded ? program.SetBudget(form.TotalBudget, form.ChangeBudget) : Result.Success();
        if (!details.Succeeded || !budget.Succeeded)
            return Result<int>.Failure(details.Errors.Concat(budget.Errors));
        if (await db.Programs.AnyAsync(p => p.Id != programId && p.Name == program.Name, ct))
            return Result<int>.Failure(nameof(ProgramForm.Name), "A program with this name already exists.");
        var goLiveBefore = program.ActualGoLive;
        program.SetActualGoLive(ToDate(form.ActualGoLive));
        var after = Describe(program);
        if (after != before)
        {
            db.Audit(new AuditEvent(user.Id, user.DisplayName, "Program", program.Id.ToString(), "Updated", program.Id, OldValues: before, NewValues: after),
                clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        if (program.ActualGoLive != goLiveBefore)
            await reviewScheduling.TriggerAsync(ct); // the 30/60/90-day reviews follow the go-live (ADR-019)
        return Result<int>.Success(program.Id);
    }

    private static string Describe(PortalProgram p) =>
        $"{p.Name}; systems {string.Join(", ", p.Systems)}; planned {p.PlannedGoLive:yyyy-MM-dd}; actual {p.ActualGoLive:yyyy-MM-dd}; " +
        $"budget {p.TotalBudget} (change {p.ChangeBudget}); description {p.Description.Length} chars";

    public async Task<IReadOnlyList<UserOption>> UsersForMembershipAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadManageableAsync(db, programId, user, ct) is null)
            return [];
        return await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new UserOption(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(ct);
    }

    public Task<Result> SetMemberAsync(int programId, string userId, ProgramRole role, CurrentUser user, CancellationToken ct = default) =>
        ChangeMembershipAsync(programId, user, ct, (program, now) => program.SetMember(userId, role, now), requireUserId: userId,
            audit:
            program => new AuditEvent(user.Id, user.DisplayName, "ProgramMember", userId, "MemberSet", program.Id, NewValues: role.ToString()));

    public Task<Result> RemoveMemberAsync(int programId, string userId, CurrentUser user, CancellationToken ct = default) =>
        ChangeMembershipAsync(programId, user, ct, (program, _) => program.RemoveMember(userId),
            audit: program => new AuditEvent(user.Id, user.DisplayName, "ProgramMember", userId, "MemberRemoved", program.Id));

    private async Task<Result> ChangeMembershipAsync(int programId, CurrentUser user, CancellationToken ct,
        Func<PortalProgram, DateTimeOffset, Result> change, Func<PortalProgram, AuditEvent> audit, string? requireUserId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await LoadManageableAsync(db, programId, user, ct);
        if (program is null)
            return Result.Failure("", "Program not found, or you may not manage its members.");
        if (requireUserId is not null && !await db.Users.AnyAsync(u => u.Id == requireUserId, ct))
            return Result.Failure("UserId", "That user does not exist.");

        var now = clock.GetUtcNow();
        var result = change(program, now);
        if (!result.Succeeded)
            return result;
        db.Audit(audit(program), now);
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static async Task<PortalProgram?> LoadManageableAsync(PortalDbContext db, int programId, CurrentUser user, CancellationToken ct)
    {
        var program = await db.Programs.Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == programId, ct);
        return program is not null && ProgramAccess.CanManage(program, user.Id, user.IsAdministrator) ? program : null;
    }

    private static DateOnly? ToDate(DateTime? value) => value is null ? null : DateOnly.FromDateTime(value.Value);
}
