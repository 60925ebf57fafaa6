using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.Programs;
using Portal.Web.Features.Stakeholders;

namespace Portal.Tests.Web;

/// <summary>
/// The stakeholder map through its services: who may read and write, the demo map, assessments with history and
/// audit, and the all-or-nothing CSV import. Tests that write work on a program of their own.
/// </summary>
public sealed class StakeholderServiceTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private StakeholderService Reads => factory.Services.GetRequiredService<StakeholderService>();
    private StakeholderEditService Edits => factory.Services.GetRequiredService<StakeholderEditService>();
    private StakeholderCsvService Csv => factory.Services.GetRequiredService<StakeholderCsvService>();

    private static readonly AssessmentInput Hot = new(5, 4, SupportLevel.StrongResistance, SupportLevel.Supportive, ResistanceType.FinanceTerritorial,
        Losses: GainLossTags.Ownership, Notes: "Workshop 2");

    [Fact]
    public async Task The_demo_map_of_Atlas_has_its_hotspots_ranked_early_adopters_and_every_group_assessed()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var map = await Reads.GetMapAsync(atlas, new StakeholderFilter(), await factory.DemoUserAsync("viewer@portal.local"));

        Assert.NotNull(map);
        Assert.False(map.CanEdit);
        Assert.Equal((6, 6, 42, 8), (map.Completeness.Assessed, map.Completeness.Total, map.TotalPeople, map.EarlyAdopters));
        Assert.Equal(["Financial analysts", "Capital Projects PMs"], map.Hotspots.Select(h => h.Entry.Name));
        Assert.Equal(ResistanceType.FinanceTerritorial, map.Hotspots[0].Entry.ResistanceType);
        var erp = map.Groups.Single(g => g.Name == "ERP/IT team");
        Assert.Equal((SupportLevel.Neutral, ResistanceType.ItTechnicalSovereignty), (erp.Current!.CurrentSupport, erp.Current.ResistanceType));

        var workload = await Reads.GetMapAsync(atlas, new StakeholderFilter(ResistanceType: ResistanceType.PmWorkload), await factory.DemoUserAsync("viewer@portal.local"));
        Assert.Equal(["Capital Projects PMs"], workload!.Hotspots.Select(h => h.Entry.Name));
        var invoices = await Reads.GetMapAsync(atlas, new StakeholderFilter(ProcessArea: "Invoices"), await factory.DemoUserAsync("viewer@portal.local"));
        Assert.All(invoices!.Entries, e => Assert.Contains(e.Name, new[] { "Financial analysts", "Finance team", "Hannah Okoye", "Ingrid Solberg" }.Concat(["Lina Haddad", "Amara Nwosu", "Pierre Laurent"])));
    }

    [Fact]
    public async Task The_facts_for_computed_criteria_carry_completeness_early_adopters_and_hotspots()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        await using var db = factory.CreateDbContext();
        var program = await db.Programs.Include(p => p.Members).SingleAsync(p => p.Id == atlas);

        var facts = await factory.Services.GetRequiredService<ProgramFactsLoader>().LoadAsync(db, program, CancellationToken.None);

        var section = facts.Section<StakeholderFacts>();
        Assert.NotNull(section);
        Assert.True(section.Completeness.IsComplete);
        Assert.Equal(8, section.EarlyAdopters);
        Assert.Equal([(StakeholderKind.Group, "Financial analysts", 1), (StakeholderKind.Group, "Capital Projects PMs", 2)],
            section.Hotspots.Select(h => (h.Kind, h.Name, h.Rank)));
        Assert.True(new EarlyAdoptersEvaluator().Evaluate(new Dictionary<string, string> { ["minimum"] = "8" }, facts).IsMet);
        Assert.True(new StakeholderMapCompleteEvaluator().Evaluate(new Dictionary<string, string>(), facts).IsMet);
    }

    [Fact]
    public async Task Change_leads_and_PMO_leads_write_viewers_only_read_and_non_members_get_not_found()
    {
        var (program, pmo) = await NewProgramAsync();
        var atlas = await factory.ProgramIdAsync("Atlas");
        var harbor = await factory.ProgramIdAsync("Harbor");
        var change = await factory.DemoUserAsync("change@portal.local");
        var viewer = await factory.DemoUserAsync("viewer@portal.local");
        var sponsor = await factory.DemoUserAsync("sponsor@portal.local");
        var programs = factory.Services.GetRequiredService<ProgramService>();
        await programs.SetMemberAsync(program, change.Id, ProgramRole.ChangeLead, pmo);
        await programs.SetMemberAsync(program, viewer.Id, ProgramRole.Viewer, pmo);
        await programs.SetMemberAsync(program, sponsor.Id, ProgramRole.ExecutiveSponsor, pmo);

        Assert.Equal(StakeholderEditService.NotEditor, Assert.Single((await Edits.CreateGroupAsync(program, "Viewers' group", null, viewer)).Errors).Message);
        Assert.Equal(StakeholderEditService.NotEditor, Assert.Single((await Edits.CreateGroupAsync(program, "Sponsor's group", null, sponsor)).Errors).Message);
        Assert.False((await Reads.GetMapAsync(program, new StakeholderFilter(), viewer))!.CanEdit);
        Assert.True((await Edits.CreateGroupAsync(program, "Procurement", "Buyers", change)).Succeeded);
        Assert.True((await Edits.CreateGroupAsync(program, "Finance team", null, pmo)).Succeeded);
        Assert.True((await Reads.GetMapAsync(program, new StakeholderFilter(), change))!.CanEdit);
        Assert.Equal("Name", Assert.Single((await Edits.CreateGroupAsync(program, "procurement", null, change)).Errors).Field);

        // The change lead is not a member of Harbor: it does not exist for them.
        Assert.Null(await Reads.GetMapAsync(harbor, new StakeholderFilter(), change));
        Assert.Null(await Reads.GetPeopleAsync(harbor, new StakeholderFilter(), null, 0, 10, change));
        Assert.Null(await Csv.ExportAsync(harbor, change));
        Assert.Equal(StakeholderEditService.NotFound, Assert.Single((await Edits.CreateGroupAsync(harbor, "Sneaky", null, change)).Errors).Message);
        Assert.Equal(StakeholderEditService.NotFound, Assert.Single((await Csv.ImportAsync(harbor, "email,name,group\n"u8.ToArray(), "x.csv", change)).Errors).Message);

        using var viewerClient = await factory.SignedInClientAsync("viewer@portal.local");
        Assert.Equal(HttpStatusCode.NotFound, (await viewerClient.GetAsync($"/api/programs/{harbor}/stakeholders/export.csv")).StatusCode);
        var export = await viewerClient.GetAsync($"/api/programs/{atlas}/stakeholders/export.csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.StartsWith(string.Join(',', StakeholderCsv.Columns), csv);
        Assert.Contains("hannah.okoye@atlas-demo.example.com,Hannah Okoye,Senior financial analyst,Financial analysts,Invoices,3,5,Champion,Champion", csv);
    }

    [Fact]
    public async Task Each_assessment_is_kept_with_who_and_when_audited_and_a_stale_version_is_refused()
    {
        var (program, pmo) = await NewProgramAsync();
        var groupId = (await Edits.CreateGroupAsync(program, "Financial analysts", null, pmo)).Value;
        var before = (await Reads.GetAssessmentStartAsync(program, StakeholderKind.Group, groupId, pmo))!;

        Assert.True((await Edits.AssessAsync(program, StakeholderKind.Group, groupId, Hot, before.Version, pmo)).Succeeded);
        Assert.True((await Edits.AssessAsync(program, StakeholderKind.Group, groupId, Hot with { CurrentSupport = SupportLevel.Resistant }, null, pmo)).Succeeded);
        var stale = await Edits.AssessAsync(program, StakeholderKind.Group, groupId, Hot, before.Version, pmo);
        Assert.StartsWith("Someone else changed this meanwhile", Assert.Single(stale.Errors).Message);
        var bad = await Edits.AssessAsync(program, StakeholderKind.Group, groupId, Hot with { Influence = 9 }, null, pmo);
        Assert.Equal("Influence", Assert.Single(bad.Errors).Field);

        var history = (await Reads.GetHistoryAsync(program, StakeholderKind.Group, groupId, pmo))!;
        Assert.Equal([SupportLevel.StrongResistance, SupportLevel.Resistant], history.Own.Select(p => p.CurrentSupport));
        Assert.All(history.Own, p => Assert.Equal(pmo.DisplayName, p.AssessedBy));
        var map = (await Reads.GetMapAsync(program, new StakeholderFilter(), pmo))!;
        Assert.Equal(("Financial analysts", 20), (Assert.Single(map.Hotspots).Entry.Name, map.Hotspots[0].Score));

        await using var db = factory.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.ProgramId == program && a.EntityType == "StakeholderGroup").OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["Created", "Assessed", "Assessed"], audit.Select(a => a.Action));
        Assert.Equal("not assessed", audit[1].OldValues);
        Assert.StartsWith("influence 5, impact 4, support Strong resistance (target Supportive), resistance Finance territorial", audit[1].NewValues);
        Assert.StartsWith("influence 5, impact 4, support Strong resistance", audit[2].OldValues);
    }

    [Fact]
    public async Task A_person_is_unique_by_email_in_a_program_and_the_error_sits_on_the_email()
    {
        var (program, pmo) = await NewProgramAsync();
        var groupId = (await Edits.CreateGroupAsync(program, "Project managers", null, pmo)).Value;
        var form = new PersonForm { Name = "Tom Gallagher", Email = "tom@example.com", GroupId = groupId, ProcessArea = "Purchase orders" };
        Assert.True((await Edits.CreatePersonAsync(program, form, pmo)).Succeeded);

        var again = await Edits.CreatePersonAsync(program, new PersonForm { Name = "T. Gallagher", Email = " TOM@example.com", GroupId = groupId }, pmo);

        var error = Assert.Single(again.Errors);
        Assert.Equal(("Email", "tom@example.com is already on the map (Tom Gallagher)."), (error.Field, error.Message));
        Assert.Equal("GroupId", Assert.Single((await Edits.CreatePersonAsync(program, new PersonForm { Name = "X", Email = "x@example.com" }, pmo)).Errors).Field);
    }

    [Fact]
    public async Task An_import_with_one_bad_row_imports_nothing_and_a_good_one_imports_everything_in_one_audited_go()
    {
        var (program, pmo) = await NewProgramAsync();
        await Edits.CreateGroupAsync(program, "Financial analysts", null, pmo);
        await Edits.CreateGroupAsync(program, "Capital Projects PMs", null, pmo);
        const string header = "email,name,title,group,process_area,influence,impact,current_support,target_support,resistance_type,early_adopter\n";
        var good = "ana@example.com,Ana Ruiz,Analyst,Financial analysts,Invoices,,,,,,\n" +
                   "tom@example.com,Tom Gallagher,PM,Capital Projects PMs,Commitments,4,5,Resistant,Supportive,PM workload,no\n";

        var refused = await Csv.ImportAsync(program, Encoding.UTF8.GetBytes(header + good + "bo@example.com,Bo,,Procurement,,6,1,Neutral,Neutral,,\n"), "people.csv", pmo);

        Assert.False(refused.Succeeded);
        Assert.Equal(["Line 4, column group", "Line 4, column influence"], refused.Errors.Select(e => $"Line {e.Line}, column {e.Column}"));
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(0, await db.StakeholderPeople.CountAsync(p => p.ProgramId == program));
            var rejected = await db.AuditEntries.SingleAsync(a => a.ProgramId == program && a.Action == "ImportRejected");
            Assert.StartsWith("people.csv: 2 errors, nothing imported; first: Line 4, column group", rejected.NewValues);
        }

        var imported = await Csv.ImportAsync(program, Encoding.UTF8.GetBytes(header + good), "people.csv", pmo);
        Assert.Equal((true, 2, 2, 0, 1), (imported.Succeeded, imported.Rows, imported.Created, imported.Changed, imported.Assessed));

        // The export imports back without changing anything, so no new history and no audit noise.
        var again = await Csv.ImportAsync(program, Encoding.UTF8.GetBytes((await Csv.ExportAsync(program, pmo))!), "export.csv", pmo);
        Assert.Equal((2, 0, 0, 0, 2), (again.Rows, again.Created, again.Changed, again.Assessed, again.Unchanged));

        await using var read = factory.CreateDbContext();
        var tom = await read.StakeholderPeople.SingleAsync(p => p.ProgramId == program && p.Email == "tom@example.com");
        Assert.Equal((SupportLevel.Resistant, ResistanceType.PmWorkload), (tom.Own!.CurrentSupport, tom.Own.ResistanceType));
        Assert.Equal(1, await read.StakeholderAssessments.CountAsync(r => r.PersonId == tom.Id));
        var audit = await read.AuditEntries.Where(a => a.ProgramId == program && (a.EntityType == "StakeholderPerson" || a.Action == "Imported"))
            .OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["Imported", "Imported", "Imported", "Imported"], audit.Select(a => a.Action));
        Assert.Equal(["StakeholderPerson", "StakeholderPerson", "StakeholderMap", "StakeholderMap"], audit.Select(a => a.EntityType));
        Assert.Equal("people.csv: 2 rows; 2 created, 0 changed, 1 re-assessed, 0 unchanged", audit[2].NewValues);
        Assert.Contains("assessment: influence 4, impact 5, support Resistant", audit[1].NewValues);
    }

    [Fact]
    public async Task An_oversized_or_non_utf8_file_is_refused_before_it_is_read()
    {
        var (program, pmo) = await NewProgramAsync();

        var big = await Csv.ImportAsync(program, new byte[StakeholderCsv.MaxFileBytes + 1], "big.csv", pmo);
        Assert.StartsWith("The file is 2.0 MB; the limit is 2 MB.", Assert.Single(big.Errors).Message);
        var latin1 = await Csv.ImportAsync(program, [(byte)'e', (byte)'m', 0xE9, (byte)'\n'], "latin1.csv", pmo);
        Assert.StartsWith("The file is not UTF-8 text.", Assert.Single(latin1.Errors).Message);

        await using var stream = new MemoryStream(new byte[StakeholderCsv.MaxFileBytes + 10]);
        var (bytes, tooLarge) = await StakeholderCsv.Schema.ReadLimitedAsync(stream, null, CancellationToken.None);
        Assert.Null(bytes);
        Assert.NotNull(tooLarge);
    }

    private async Task<(int Program, CurrentUser Pmo)> NewProgramAsync()
    {
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var created = await factory.Services.GetRequiredService<ProgramService>().CreateAsync(new ProgramForm { Name = "Stakeholders " + Guid.NewGuid().ToString("N")[..8] }, pmo);
        return (created.Value, pmo);
    }
}
