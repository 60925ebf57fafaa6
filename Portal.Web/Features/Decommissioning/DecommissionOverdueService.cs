using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Decommissioning;
using Portal.Core.Notifications;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Notifications;

namespace Portal.Web.Features.Decommissioning;

/// <summary>
/// Finds workarounds whose decommission date has passed without signed evidence, notifies each owner and escalates to the
/// program's executive sponsors. One notification per person, workaround and due date (the dedupe key), so running twice,
/// or once after days of downtime, tells each person once; the first escalation of a due date is audited.
/// </summary>
public sealed class DecommissionOverdueService(IDbContextFactory<PortalDbContext> dbFactory, INotifier notifier, TimeProvider clock)
{
    public const string Kind = "decommission-overdue";

    public sealed record OverdueRun(int Overdue, int Notified);

    public async Task<OverdueRun> DetectAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overdue = (await db.LegacyWorkarounds.AsNoTracking().Where(w => w.DecommissionDate != null && w.DecommissionDate < today).ToListAsync(ct))
            .Where(w => w.StatusOn(today) == WorkaroundStatus.Overdue).ToList();
        if (overdue.Count == 0)
            return new OverdueRun(0, 0);
        var programIds = overdue.Select(w => w.ProgramId).Distinct().ToList();
        var programs = await db.Programs.AsNoTracking().Include(p => p.Members).Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var userIds = programs.Values.SelectMany(p => p.Members.Select(m => m.UserId)).Concat(overdue.Select(w => w.OwnerUserId)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var notified = 0;
        foreach (var w in overdue)
        {
            var program = programs[w.ProgramId];
            var told = new List<string>();
            foreach (var request in EscalationRequests(w, program, names))
                if (await notifier.NotifyAsync(request, ct))
                    told.Add(names.GetValueOrDefault(request.RecipientUserId, request.RecipientUserId));
            if (told.Count == 0)
                continue;
            notified += told.Count;
            await using var audit = await dbFactory.CreateDbContextAsync(ct);
            audit.Audit(new AuditEvent(null, "System", DecommissioningService.EntityType, w.Id.ToString(), "OverdueEscalated", program.Id,
                $"decommission date: {w.DecommissionDate:yyyy-MM-dd}", $"status: Overdue; notified: {string.Join(", ", told)}"), clock.GetUtcNow());
            await audit.SaveChangesAsync(ct);
        }
        return new OverdueRun(overdue.Count, notified);
    }

    /// <summary>
    /// What an overdue workaround tells whom: its owner (while they have an account) and each executive sponsor of the
    /// program, all under the workaround's overdue key for its current date.
    /// </summary>
    public static IEnumerable<NotificationRequest> EscalationRequests(LegacyWorkaround w, PortalProgram program, IReadOnlyDictionary<string, string> names)
    {
        var due = w.DecommissionDate!.Value.ToString("yyyy-MM-dd");
        var owner = names.GetValueOrDefault(w.OwnerUserId, "its former owner");
        var link = $"/programs/{program.Id}/decommissioning";
        if (names.ContainsKey(w.OwnerUserId))
            yield return new NotificationRequest(w.OwnerUserId, program.Id, Kind, $"Overdue: {w.Name}",
                $"{program.Name}: '{w.Name}' was due to be decommissioned on {due} and is still in use. " +
                "Record the evidence of shutdown and sign it, or agree a new date with the change lead.", link, w.OverdueKey!);
        var slips = w.Slips > 0 ? $", after {w.Slips} slip{(w.Slips == 1 ? "" : "s")}" : "";
        foreach (var sponsor in program.Members.Where(m => m.Role == ProgramRole.ExecutiveSponsor && m.UserId != w.OwnerUserId))
            yield return new NotificationRequest(sponsor.UserId, program.Id, Kind, $"Escalated: {w.Name} is overdue",
                $"{program.Name}: '{w.Name}' (owner {owner}) was due to be decommissioned on {due} and is still running alongside the new process{slips}.",
                link, w.OverdueKey!);
    }
}
