using Portal.Core.Programs;
using Portal.Core.Reviews;
using Portal.Data;

namespace Portal.Web.Demo;

/// <summary>
/// Atlas is in its pilot and not live, so it has no reviews yet; its adoption baseline is captured already, as it should be
/// before go-live, so the 30/60/90-day reviews will have figures to compare against.
/// </summary>
public static class ReviewDemoData
{
    public static void Add(PortalDbContext db, PortalProgram atlas, DateTimeOffset now)
    {
        var captured = now.AddDays(-20);
        var baseline = AdoptionBaseline.Capture(atlas.Id, new BaselineDraft(140, 96m, 85m,
                "Target: the 120 project managers and 20 financial analysts of Capital Projects. Hours from Finance's time sheets for the last three " +
                "month-end closes (reconciliation workbook and calls). Share: purchase orders tracked in the PPM rather than the PO spreadsheet."),
            atlas.ActualGoLive, DateOnly.FromDateTime(captured.UtcDateTime), null, captured).Value;
        db.AdoptionBaselines.Add(baseline);
    }
}
