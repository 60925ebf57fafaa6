using Microsoft.EntityFrameworkCore;
using Portal.Core.Milestones;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Core.Programs;

namespace Portal.Web.Features.Milestones;

/// <summary>Read models and the facts computed criteria see, shared by the milestone services.</summary>
internal static class MilestoneViews
{
    /// <summary>The program with its members, or null when it does not exist or the user may not see it (callers answer "not found").</summary>
    public static async Task<PortalProgram?> VisibleProgramAsync(PortalDbContext db, int programId, CurrentUser user, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == programId, ct);
        return program is not null && ProgramAccess.CanView(program, user.Id, user.IsAdministrator) ? program : null;
    }

    public static MilestoneView View(Milestone m, Phase phase, ProgramFacts facts, CriterionEvaluators evaluators)
    {
        var unmet = m.Kind == MilestoneKind.Change
            ? m.Unmet(facts, evaluators).Select(u => new UnmetView(u.MilestoneId, u.CriterionId, u.CriterionTitle, u.Reason)).ToList()
            : [];
        return new MilestoneView(m.Id, phase.Id, phase.Name, m.Kind, m.Name, m.Status, m.Kind == MilestoneKind.Change ? unmet.Count == 0 : null,
            m.PairedWith.Select(p => p.Id).ToList(), unmet, m.Version, m.CompletedUtc, m.CompletedBy);
    }
}
