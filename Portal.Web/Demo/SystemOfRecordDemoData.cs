using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.SystemOfRecord;
using Portal.Data;

namespace Portal.Web.Demo;

/// <summary>
/// Atlas's system-of-record register: finance's process owner decides for every domain (the finance-territorial playbook
/// gives finance that authority). In Design every listed domain was agreed (<see cref="Add"/>); during the pilot
/// (<see cref="AddPilotChanges"/>) "time" was re-worded, so its signature is stale, and "rates" was added and still
/// waits for a signature.
/// </summary>
public static class SystemOfRecordDemoData
{
    private const string Steering = "unresolved after that -> steering committee";

    public static void Add(PortalDbContext db, PortalProgram atlas, IReadOnlyDictionary<string, string> ids, DateTimeOffset now)
    {
        var owner = ids["owner"];
        var mara = new Signer(owner, "Mara Lindqvist", [nameof(ProgramRole.ProcessOwner)]);
        var register = new List<SystemOfRecordEntry>();
        SystemOfRecordEntry Entry(string domain, string system, string escalation, string notes, int daysAgo)
        {
            var entry = SystemOfRecordEntry.Propose(atlas, new SystemOfRecordDraft(domain, system, owner, escalation, notes), register, now.AddDays(-daysAgo)).Value;
            register.Add(entry);
            return entry;
        }
        void Agree(SystemOfRecordEntry entry, int daysAgo) =>
            entry.Sign(mara, SignOffMeaning.Approved, "Agreed in the system-of-record workshop with finance and the PMO.", entry.ContentHash(), now.AddDays(-daysAgo));

        Agree(Entry("projects", "PPM", $"PMO lead proposes, finance process owner decides within 3 working days; {Steering}.",
            "Project structure and status are created in the PPM and pushed to the ERP as WBS elements.", 70), 66);
        Agree(Entry("commitments", "ERP", $"Finance process owner decides within 2 working days; {Steering}.",
            "Purchase-order commitments are read from the ERP every 15 minutes; the PPM never edits them.", 70), 66);
        Agree(Entry("purchase orders", "ERP", $"Procurement data in the ERP wins; finance process owner confirms within 2 working days; {Steering}.", "", 70), 66);
        Agree(Entry("invoices", "ERP", $"Finance process owner decides within 2 working days; {Steering}.",
            "Invoice status flows to project managers so late-payment surprises show before month end.", 68), 66);

        Agree(Entry("time", "PPM", $"Finance process owner decides within 5 working days; {Steering}.",
            "Timesheets are approved in the PPM and posted to the ERP nightly.", 68), 66);

        db.SystemOfRecordEntries.AddRange(register);
    }

    /// <summary>What changed during the pilot, after Design closed: one re-worded entry, one new proposal.</summary>
    public static void AddPilotChanges(PortalDbContext db, PortalProgram atlas, IReadOnlyDictionary<string, string> ids, DateTimeOffset now)
    {
        var owner = ids["owner"];
        var register = db.SystemOfRecordEntries.Local.Where(e => e.ProgramId == atlas.Id).ToList();
        var time = register.Single(e => e.Domain == "time");
        // Re-worded after the pilot showed month-end disputes: the signature on the old wording is now stale.
        time.Edit(atlas, new SystemOfRecordDraft("time", "PPM",
            owner, $"Project delivery and finance review differences at the weekly reconciliation; finance process owner decides within 2 working days; {Steering}.",
            time.Notes), register, now.AddDays(-9));
        var rates = SystemOfRecordEntry.Propose(atlas, new SystemOfRecordDraft("rates", "ERP", owner, $"Finance process owner decides within 2 working days; {Steering}.",
            "Rate cards are still kept in the PPM for forecasting; that copy is retired at go-live."), register, now.AddDays(-12)).Value;
        db.SystemOfRecordEntries.Add(rates);
    }
}
