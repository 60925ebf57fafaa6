using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.Security;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Templates;

/// <summary>
/// Templates new programs start from: the built-in default and plans saved from programs (ADR-010). Saving reads a
/// program, so it follows the program's rules: non-members get "not found", only its PMO leads and administrators save.
/// </summary>
public sealed class ProgramTemplateService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string ProgramNotFound = "Program not found, or you are not a member of it.";

    /// <summary>Those who may create programs choose among templates: the built-in default first, then saved ones by name.</summary>
    public async Task<IReadOnlyList<TemplateOption>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (!user.IsAdministrator && !user.IsInRole(PortalRoles.PmoLead))
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var saved = await db.ProgramTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var builtIn = ProgramTemplate.Default;
        return
        [
            new TemplateOption(null, builtIn.Name, builtIn.Description, builtIn.Phases.Count, builtIn.MilestoneCount, null, null, false),
            .. saved.Select(t => new TemplateOption(t.Id, t.Name, t.Description, t.Phases.Count, t.Template.MilestoneCount, t.CreatedByName,
                t.CreatedUtc, t.MayBeDeletedBy(user.Id, user.IsAdministrator))),
        ];
    }

    /// <summary>Saves a program's current plan (not its work: no evidence, sign-offs or statuses) as a new template.</summary>
    public async Task<Result<int>> SaveFromProgramAsync(int programId, TemplateForm form, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking().Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null || !ProgramAccess.CanView(program, user.Id, user.IsAdministrator))
            return Result<int>.Failure("", ProgramNotFound);
        if (!ProgramAccess.CanManage(program, user.Id, user.IsAdministrator))
            return Result<int>.Failure("", "Only a PMO lead of this program or an administrator can save it as a template.");

        // Identity resolution makes a technical milestone's PairedWith the very instances its phases hold.
        var phases = await db.Phases.AsNoTrackingWithIdentityResolution().Where(p => p.ProgramId == programId)
            .Include(p => p.Milestones).ThenInclude(m => m.Criteria)
            .Include(p => p.Milestones).ThenInclude(m => m.PairedWith)
            .AsSplitQuery().ToListAsync(ct);
        var captured = ProgramTemplate.FromPlan(form.Name, form.Description, phases, program.Members.ToDictionary(m => m.UserId, m => m.Role));
        if (!captured.Succeeded)
            return Result<int>.Failure(captured.Errors);
        if (await NameTakenAsync(db, captured.Value.Name, ct))
            return DuplicateName;

        var now = clock.GetUtcNow();
        var saved = SavedProgramTemplate.Save(captured.Value, user.Id, user.DisplayName, program.Id, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ProgramTemplates.Add(saved);
        try
        {
            await db.SaveChangesAsync(ct); // assigns the id the audit entry refers to
        }
        catch (DbUpdateException ex) when (ex.IsUniqueKeyViolation())
        {
            return DuplicateName;
        }
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "ProgramTemplate", saved.Id.ToString(), "Created", program.Id,
            NewValues: $"{saved.Name}; {Describe(saved.Template)}; from program '{program.Name}'"), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Success(saved.Id);
    }

    /// <summary>Administrators delete any saved template, others only their own. Programs made from it keep their plans.</summary>
    public async Task<Result> DeleteAsync(int templateId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.ProgramTemplates.FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null)
            return Result.Failure("", "That template no longer exists.");
        if (!template.MayBeDeletedBy(user.Id, user.IsAdministrator))
            return Result.Failure("", "Only administrators and the person who saved a template can delete it.");
        db.ProgramTemplates.Remove(template);
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "ProgramTemplate", template.Id.ToString(), "Deleted", template.SourceProgramId,
            OldValues: $"{template.Name}; {Describe(template.Template)}; saved by {template.CreatedByName}"), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    /// <summary>The template a new program starts from: null is the built-in default; null back when a saved one is gone.</summary>
    internal static async Task<ProgramTemplate?> ResolveAsync(PortalDbContext db, int? templateId, CancellationToken ct) =>
        templateId is not { } id ? ProgramTemplate.Default
            : (await db.ProgramTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct))?.Template;

    private static Result<int> DuplicateName => Result<int>.Failure(nameof(TemplateForm.Name), "A template with this name already exists.");

    // Case-insensitive, and the built-in name is taken too: two templates that differ only in case would confuse the picker.
    private static async Task<bool> NameTakenAsync(PortalDbContext db, string name, CancellationToken ct) =>
        string.Equals(name, ProgramTemplate.Default.Name, StringComparison.OrdinalIgnoreCase)
        || await db.ProgramTemplates.AnyAsync(t => t.Name.ToLower() == name.ToLower(), ct);

    private static string Describe(ProgramTemplate t) =>
        $"{t.Phases.Count} phases, {t.MilestoneCount} milestones, {t.Phases.Sum(p => p.Milestones.Sum(m => m.Criteria.Count))} criteria";
}
