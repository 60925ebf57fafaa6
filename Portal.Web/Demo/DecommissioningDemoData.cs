using Microsoft.EntityFrameworkCore;
using Portal.Core.Decommissioning;
using Portal.Core.Milestones;
using Portal.Core.Notifications;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Web.Features.Decommissioning;

namespace Portal.Web.Demo;

/// <summary>
/// Atlas's decommissioning register during the pilot: the project managers' PO tracking spreadsheet is switched off with
/// signed evidence; Mara's monthly reconciliation workbook is scheduled for the week before go-live; her manual commitment
/// report already slipped once and is now overdue, so she and the sponsor have the overdue job's notifications (created
/// here with the job's own dedupe key, so the job's first run adds nothing).
/// </summary>
public static class DecommissioningDemoData
{
    public static async Task SeedAsync(PortalDbContext db, PortalProgram atlas, IReadOnlyDictionary<string, string> ids, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var register = new List<LegacyWorkaround>();
        LegacyWorkaround Add(string name, string area, string owner, string replacedBy, DateOnly date, int daysAgo)
        {
            var w = LegacyWorkaround.Register(atlas, new WorkaroundDraft(name, area, ids[owner], replacedBy, date), register, now.AddDays(-daysAgo)).Value;
            register.Add(w);
            return w;
        }

        var poTracker = Add("PO tracking spreadsheet", "Procurement follow-up", "viewer",
            "Purchase-order commitments read from the ERP into each project's cost view", today.AddDays(-14), 85);
        poTracker.RecordEvidence("Spreadsheet moved to the read-only archive (https://intranet.example/archive/po-tracking); edit access removed for the " +
            "23 project managers on the Capital Projects share; the weekly export macro disabled.", now.AddDays(-12));
        poTracker.Sign(new Signer(ids["viewer"], "Jordan Blake", [nameof(ProgramRole.Viewer)]), SignOffMeaning.Approved,
            "Checked with the Capital Projects PMs: nobody has opened it since the pilot started.", poTracker.ContentHash(), now.AddDays(-11));

        Add("Monthly reconciliation workbook", "Month-end close", "owner",
            "Automatic commitment-to-invoice matching in the reconciliation engine; exceptions reviewed in the PPM", atlas.PlannedGoLive!.Value.AddDays(-7), 85);

        var report = Add("Manual commitment report", "Finance reporting", "owner",
            "Commitment dashboard in the PPM, fed from the ERP every 15 minutes", today.AddDays(-30), 85);
        report.MoveDate(today.AddDays(-3), "Finance asked to keep the manual report through the quarter-end close.", now.AddDays(-31));

        db.LegacyWorkarounds.AddRange(register);
        await db.SaveChangesAsync(ct); // ids, for the overdue notifications' dedupe key

        var names = await db.Users.ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        foreach (var request in DecommissionOverdueService.EscalationRequests(report, atlas, names))
            db.Notifications.Add(Notification.Create(request, now.AddHours(-20)).Value);
    }
}
