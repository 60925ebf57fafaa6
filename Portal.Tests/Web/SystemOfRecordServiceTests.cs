using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.SystemOfRecord;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.SystemOfRecord;

namespace Portal.Tests.Web;

/// <summary>
/// The register through its service and CSV endpoint: who may keep it, who may sign, non-members told "not found",
/// concurrent edits refused with what changed, and every change in the audit trail.
/// </summary>
public sealed class SystemOfRecordServiceTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private const string Escalation = "Finance process owner decides within 2 working days; unresolved -> steering committee";

    private SystemOfRecordService Register => factory.Services.GetRequiredService<SystemOfRecordService>();

    [Fact]
    public async Task PMO_leads_change_leads_process_owners_and_administrators_keep_the_register_and_sponsors_and_viewers_read_it()
    {
        var (programId, ownerId) = await NewProgramAsync();
        var domains = new[] { "projects", "commitments", "invoices", "rates" };
        var keepers = new[] { "pmo@portal.local", "change@portal.local", "owner@portal.local", "admin@portal.local" };
        for (var i = 0; i < keepers.Length; i++)
            Assert.True((await Register.AddAsync(programId, Draft(domains[i], ownerId), await factory.DemoUserAsync(keepers[i]))).Succeeded, keepers[i]);

        foreach (var reader in new[] { "sponsor@portal.local", "viewer@portal.local" })
        {
            var user = await factory.DemoUserAsync(reader);
            var refused = await Register.AddAsync(programId, Draft("time", ownerId), user);
            Assert.Equal(SystemOfRecordService.NotMaintainer, refused.Errors.Single().Message);
            var view = await Register.GetAsync(programId, user);
            Assert.False(view!.CanEdit);
            Assert.Equal(domains, view.Entries.Select(e => e.Domain)); // register order: the standard domains as listed
        }
    }

    [Fact]
    public async Task Non_members_are_told_not_found_on_every_path_including_the_page_and_the_csv()
    {
        var (programId, ownerId) = await NewProgramAsync();
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var entryId = (await Register.AddAsync(programId, Draft("invoices", ownerId), pmo)).Value;
        var entry = (await Register.GetAsync(programId, pmo))!.Entries.Single();
        var outsider = await factory.DemoUserAsync("it@portal.local");

        Assert.Null(await Register.GetAsync(programId, outsider));
        Assert.Equal(SystemOfRecordService.NotFound, (await Register.AddAsync(programId, Draft("rates", ownerId), outsider)).Errors[0].Message);
        Assert.Equal(SystemOfRecordService.NotFound, (await Register.UpdateAsync(programId, entry, Draft("rates", ownerId), outsider)).Errors[0].Message);
        Assert.Equal(SystemOfRecordService.NotFound, (await Register.RemoveAsync(programId, entry, "x", outsider)).Errors[0].Message);
        Assert.Equal(SystemOfRecordService.NotFound,
            (await Register.SignAsync(programId, entryId, entry.ContentHash, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, null, outsider)).Errors[0].Message);

        var client = await factory.SignedInClientAsync("it@portal.local");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/programs/{programId}/system-of-record.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/programs/{programId}/system-of-record")).StatusCode);
    }

    [Fact]
    public async Task Members_export_the_register_as_csv()
    {
        var (programId, ownerId) = await NewProgramAsync();
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        await Register.AddAsync(programId, new SystemOfRecordDraft("invoices", "ERP", ownerId, "=Finance decides, within 2 days", "AP, AR"), pmo);
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var response = await client.GetAsync($"/api/programs/{programId}/system-of-record.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("domain,status,authoritativeSystem,decisionOwner,escalationPath,notes,agreedBy,agreedUtc,contentHash", lines[0]);
        Assert.StartsWith("invoices,Proposed,ERP,Mara Lindqvist,\"'=Finance decides, within 2 days\",\"AP, AR\",,,", lines[1]);
    }

    [Fact]
    public async Task Only_the_decision_owner_agrees_an_entry_with_the_password_and_a_wrong_password_is_audited()
    {
        var (programId, ownerId) = await NewProgramAsync();
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var owner = await factory.DemoUserAsync("owner@portal.local");
        var entryId = (await Register.AddAsync(programId, Draft("commitments", ownerId), pmo)).Value;
        var entry = (await Register.GetAsync(programId, pmo))!.Entries.Single();
        Assert.False(entry.CanSign);
        Assert.True((await Register.GetAsync(programId, owner))!.Entries.Single().CanSign);

        var byPmo = await Register.SignAsync(programId, entryId, entry.ContentHash, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, null, pmo);
        var wrongPassword = await Register.SignAsync(programId, entryId, entry.ContentHash, "not-the-password", SignOffMeaning.Approved, null, owner);
        var signed = await Register.SignAsync(programId, entryId, entry.ContentHash, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, "Agreed in workshop 4", owner);

        Assert.Equal("Only Mara Lindqvist, the decision owner, can agree this entry.", byPmo.Errors.Single().Message);
        Assert.Equal("Password", wrongPassword.Errors.Single().Field);
        Assert.True(signed.Succeeded);
        var agreed = (await Register.GetAsync(programId, pmo))!.Entries.Single();
        Assert.Equal((SystemOfRecordStatus.Agreed, "Mara Lindqvist"), (agreed.Status, agreed.Agreement!.PrintedName));
        var audit = await AuditAsync(entryId);
        Assert.Equal(["Created", "SignOffRefused", "SignedOff"], audit.Select(a => a.Action));
        Assert.Equal(("Wrong password", "Agreed in workshop 4"), (audit[1].Reason, audit[2].Reason));
        Assert.Contains(agreed.ContentHash, audit[2].NewValues);
    }

    [Fact]
    public async Task Editing_an_agreed_entrys_escalation_path_makes_it_proposed_and_the_audit_keeps_old_and_new_values()
    {
        var (programId, ownerId) = await NewProgramAsync();
        var (entryId, entry) = await AgreedEntryAsync(programId, ownerId, "invoices");
        var change = await factory.DemoUserAsync("change@portal.local");

        var edit = await Register.UpdateAsync(programId, entry, Draft("invoices", ownerId, "Finance process owner decides within 1 working day"), change);

        Assert.Equal(new SystemOfRecordEdit(true, true), edit.Value);
        var now = (await Register.GetAsync(programId, change))!.Entries.Single();
        Assert.Equal(SystemOfRecordStatus.Proposed, now.Status);
        Assert.True(Assert.Single(now.SignOffs).IsStale);
        var updated = (await AuditAsync(entryId)).Single(a => a.Action == "Updated");
        Assert.Contains($"escalation path: {Escalation}", updated.OldValues);
        Assert.EndsWith("status: Agreed", updated.OldValues);
        Assert.Contains("escalation path: Finance process owner decides within 1 working day;", updated.NewValues);
        Assert.EndsWith("status: Proposed; the agreement by Mara Lindqvist is now stale", updated.NewValues);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_refused_and_told_who_changed_what()
    {
        var (programId, ownerId) = await NewProgramAsync();
        var (_, seen) = await AgreedEntryAsync(programId, ownerId, "time");
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var change = await factory.DemoUserAsync("change@portal.local");

        Assert.True((await Register.UpdateAsync(programId, seen, Draft("time", ownerId, "Weekly reconciliation decides; finance process owner within 2 days"), pmo)).Succeeded);
        var late = await Register.UpdateAsync(programId, seen with { }, new SystemOfRecordDraft("time", "PPM", ownerId, Escalation, "Nightly posting"), change);

        Assert.Equal("Priya Natarajan changed the 'time' entry since you opened it: escalation path is now “Weekly reconciliation decides; finance process owner " +
                     "within 2 days”; status is now Proposed. Nothing was overwritten; look at the change and try again.", late.Errors.Single().Message);
        Assert.Equal("", (await Register.GetAsync(programId, pmo))!.Entries.Single().Notes);
    }

    [Fact]
    public async Task Field_errors_name_the_field_duplicate_domain_and_an_owner_who_is_not_a_process_owner()
    {
        var (programId, ownerId) = await NewProgramAsync();
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        await Register.AddAsync(programId, Draft("purchase orders", ownerId), pmo);

        var duplicate = await Register.AddAsync(programId, Draft("Purchase Orders", ownerId), pmo);
        var notOwner = await Register.AddAsync(programId, Draft("rates", pmo.Id), pmo);
        var missing = await Register.AddAsync(programId, new SystemOfRecordDraft("", "ERP", null, "", null), pmo);

        Assert.Equal("Domain", duplicate.Errors.Single().Field);
        Assert.Equal(("DecisionOwnerUserId", "The decision owner must be a process owner of this program; this member takes part as PMO lead."),
            (notOwner.Errors.Single().Field, notOwner.Errors.Single().Message));
        Assert.Equal(["Domain", "DecisionOwnerUserId", "EscalationPath"], missing.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task Removing_an_agreed_entry_needs_a_reason_which_the_audit_trail_keeps()
    {
        var (programId, ownerId) = await NewProgramAsync();
        var (entryId, entry) = await AgreedEntryAsync(programId, ownerId, "rates");
        var pmo = await factory.DemoUserAsync("pmo@portal.local");

        var noReason = await Register.RemoveAsync(programId, entry, " ", pmo);
        var removed = await Register.RemoveAsync(programId, entry, "Rates move to the HCM programme", pmo);

        Assert.Equal("Reason", noReason.Errors.Single().Field);
        Assert.True(removed.Succeeded);
        Assert.Empty((await Register.GetAsync(programId, pmo))!.Entries);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.SignOffs.AnyAsync(s => s.SystemOfRecordEntryId == entryId));
        var audit = (await AuditAsync(entryId)).Last();
        Assert.Equal(("Removed", "Rates move to the HCM programme"), (audit.Action, audit.Reason));
        Assert.StartsWith("domain: rates; authoritative system: ERP; decision owner: Mara Lindqvist;", audit.OldValues);
    }

    [Fact]
    public async Task Atlas_demo_register_feeds_the_computed_criterion()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var loader = factory.Services.GetRequiredService<ProgramFactsLoader>();
        await using var db = factory.CreateDbContext();
        var program = await db.Programs.AsNoTracking().Include(p => p.Members).SingleAsync(p => p.Id == atlas);

        var facts = await loader.LoadAsync(db, program, CancellationToken.None);
        var evaluation = new SystemOfRecordAgreedEvaluator().Evaluate(new Dictionary<string, string>(), facts);

        Assert.Equal(["System of record: 4 of 6 domains agreed (open: time, rates)"], evaluation.Reasons);
        var time = (await Register.GetAsync(atlas, await factory.DemoUserAsync("viewer@portal.local")))!.Entries.Single(e => e.Domain == "time");
        Assert.True(time.LastSignature!.IsStale);
    }

    private static SystemOfRecordDraft Draft(string domain, string? ownerId, string escalation = Escalation) => new(domain, "ERP", ownerId, escalation, "");

    private async Task<(int Id, SystemOfRecordEntryView View)> AgreedEntryAsync(int programId, string ownerId, string domain)
    {
        var owner = await factory.DemoUserAsync("owner@portal.local");
        var id = (await Register.AddAsync(programId, Draft(domain, ownerId), owner)).Value;
        var hash = (await Register.GetAsync(programId, owner))!.Entries.Single(e => e.Id == id).ContentHash;
        Assert.True((await Register.SignAsync(programId, id, hash, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, null, owner)).Succeeded);
        return (id, (await Register.GetAsync(programId, owner))!.Entries.Single(e => e.Id == id));
    }

    private async Task<List<Portal.Core.Auditing.AuditEntry>> AuditAsync(int entryId)
    {
        await using var db = factory.CreateDbContext();
        var key = entryId.ToString();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == SystemOfRecordService.EntityType && a.EntityId == key)
            .OrderBy(a => a.Sequence).ToListAsync();
    }

    /// <summary>A program of its own with the demo people in their usual roles (it@ stays outside); returns Mara's user id.</summary>
    private async Task<(int ProgramId, string OwnerId)> NewProgramAsync()
    {
        var ids = new Dictionary<string, string>();
        foreach (var key in new[] { "pmo", "owner", "change", "sponsor", "viewer" })
            ids[key] = (await factory.DemoUserAsync($"{key}@portal.local")).Id;
        var program = PortalProgram.Create("Register " + Guid.NewGuid().ToString("N")[..8], "", ["PPM", "ERP"], null, DateTimeOffset.UtcNow).Value;
        program.SetMember(ids["pmo"], ProgramRole.PmoLead, DateTimeOffset.UtcNow);
        program.SetMember(ids["owner"], ProgramRole.ProcessOwner, DateTimeOffset.UtcNow);
        program.SetMember(ids["change"], ProgramRole.ChangeLead, DateTimeOffset.UtcNow);
        program.SetMember(ids["sponsor"], ProgramRole.ExecutiveSponsor, DateTimeOffset.UtcNow);
        program.SetMember(ids["viewer"], ProgramRole.Viewer, DateTimeOffset.UtcNow);
        await using var db = factory.CreateDbContext();
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return (program.Id, ids["owner"]);
    }
}
