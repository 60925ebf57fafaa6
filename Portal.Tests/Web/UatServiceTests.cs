using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.Uat;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.Uat;

namespace Portal.Tests.Web;

/// <summary>
/// UAT through its services: who may keep it and who may move the thresholds, non-members told "not found", imports
/// all or nothing and idempotent, the gate's facts, and every change in the audit trail.
/// </summary>
public sealed class UatServiceTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private UatService Uat => factory.Services.GetRequiredService<UatService>();
    private UatImportService Import => factory.Services.GetRequiredService<UatImportService>();

    [Fact]
    public async Task Change_leads_PMO_leads_integration_owners_and_administrators_record_and_others_only_read()
    {
        var programId = await NewProgramAsync();
        var writers = new[] { "pmo@portal.local", "change@portal.local", "it@portal.local", "admin@portal.local" };
        for (var i = 0; i < writers.Length; i++)
            Assert.True((await Uat.AddScenarioAsync(programId, Draft($"FIN-{i:000}"), await factory.DemoUserAsync(writers[i]))).Succeeded, writers[i]);

        foreach (var reader in new[] { "sponsor@portal.local", "owner@portal.local", "viewer@portal.local" })
        {
            var user = await factory.DemoUserAsync(reader);
            Assert.Equal(UatService.NotTester, (await Uat.AddScenarioAsync(programId, Draft("X-1"), user)).Errors.Single().Message);
            var board = await Uat.GetAsync(programId, null, user);
            Assert.False(board!.CanEdit);
            Assert.Equal(4, board.Scenarios.Count);
        }
    }

    [Fact]
    public async Task Only_PMO_leads_and_administrators_change_the_thresholds_and_the_change_is_audited()
    {
        var programId = await NewProgramAsync();
        var change = await factory.DemoUserAsync("change@portal.local");
        var pmo = await factory.DemoUserAsync("pmo@portal.local");

        Assert.Equal(UatService.NotManager, (await Uat.SetThresholdsAsync(programId, new UatThresholds(90, 100, 95), change)).Errors.Single().Message);
        Assert.True((await Uat.SetThresholdsAsync(programId, new UatThresholds(90, 100, 95), pmo)).Succeeded);
        Assert.Equal("Coverage", (await Uat.SetThresholdsAsync(programId, new UatThresholds(101, 100, 95), pmo)).Errors.Single().Field);

        Assert.Equal(new UatThresholds(90, 100, 95), (await Uat.GetAsync(programId, null, pmo))!.Thresholds);
        var audit = await AuditAsync(programId, "UatGate");
        Assert.Equal(("ThresholdsChanged", "coverage 100%, critical pass 100%, overall pass 95%", "coverage 90%, critical pass 100%, overall pass 95%"),
            (audit.Single().Action, audit.Single().OldValues, audit.Single().NewValues));
    }

    [Fact]
    public async Task Non_members_are_told_not_found_on_every_path_including_the_page()
    {
        var programId = await NewProgramAsync(withIntegrationOwner: false);
        var outsider = await factory.DemoUserAsync("it@portal.local");

        Assert.Null(await Uat.GetAsync(programId, null, outsider));
        Assert.Equal(UatService.NotFound, (await Uat.AddScenarioAsync(programId, Draft("A-1"), outsider)).Errors[0].Message);
        Assert.Equal(UatService.NotFound, (await Uat.AddCycleAsync(programId, new UatCycleDraft("SIT", null, null, UatCycleStatus.Active), outsider)).Errors[0].Message);
        Assert.Equal(UatService.NotFound, (await Uat.SetThresholdsAsync(programId, UatGate.Defaults, outsider)).Errors[0].Message);
        Assert.Equal(UatService.NotFound, (await Import.ImportAsync(programId, Encoding.UTF8.GetBytes("x"), "a.csv", outsider)).Errors[0].Message);
        var client = await factory.SignedInClientAsync("it@portal.local");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/programs/{programId}/uat")).StatusCode);
    }

    [Fact]
    public async Task Recording_keeps_history_the_latest_run_counts_and_the_gate_reads_the_current_cycle()
    {
        var programId = await NewProgramAsync();
        var change = await factory.DemoUserAsync("change@portal.local");
        var a = (await Uat.AddScenarioAsync(programId, Draft("FIN-014", UatCriticality.Critical), change)).Value;
        await Uat.AddScenarioAsync(programId, Draft("FIN-022"), change);
        var cycle = (await Uat.AddCycleAsync(programId, new UatCycleDraft("Pilot UAT", new DateOnly(2026, 11, 1), null, UatCycleStatus.Active), change)).Value;

        Assert.True((await Uat.RecordAsync(programId, a, cycle, new UatExecutionInput(UatStatus.Fail, "Ana", At, "wrong approver", "DEF-1"), change)).Succeeded);
        Assert.True((await Uat.RecordAsync(programId, a, cycle, new UatExecutionInput(UatStatus.Pass, "Ana", At.AddHours(2), "", ""), change)).Succeeded);
        var again = await Uat.RecordAsync(programId, a, cycle, new UatExecutionInput(UatStatus.Pass, "Ana", At.AddHours(2), "", ""), change);

        Assert.Equal("ExecutedUtc", again.Errors.Single().Field);
        var board = (await Uat.GetAsync(programId, null, change))!;
        Assert.Equal((UatStatus.Pass, 2), (board.Scenarios[0].Status, board.Scenarios[0].Runs));
        Assert.Equal((50m, 100m), (board.Rates.Coverage, board.Rates.CriticalPassRate));
        Assert.Equal([UatStatus.Pass, UatStatus.Fail], (await Uat.HistoryAsync(programId, a, cycle, change)).Select(h => h.Status));
        Assert.Equal(2, (await AuditAsync(programId, "UatExecution")).Count(e => e.Action == "Recorded"));

        await using var db = factory.CreateDbContext();
        var program = await db.Programs.Include(p => p.Members).SingleAsync(p => p.Id == programId);
        var facts = await factory.Services.GetRequiredService<ProgramFactsLoader>().LoadAsync(db, program, CancellationToken.None);
        var coverage = new UatCoverageEvaluator().Evaluate(new Dictionary<string, string>(), facts);
        Assert.Equal(["UAT coverage 50% < 100% (1 of 2 scenarios not run in Pilot UAT)"], coverage.Reasons);
    }

    [Fact]
    public async Task An_import_with_a_bad_row_writes_nothing_and_reports_line_and_column()
    {
        var (programId, change) = await ProgramWithScenariosAsync();
        var csv = Header + "FIN-001,Pilot UAT,Pass,Ana,2026-11-02,,\nFIN-999,Pilot UAT,Pass,Ana,2026-11-02,,\nFIN-002,Pilot UAT,Passd,Ana,2026-13-02,,\n";

        var outcome = await Import.ImportAsync(programId, Encoding.UTF8.GetBytes(csv), "results.csv", change);

        Assert.Equal([(3, "scenario_key"), (4, "status"), (4, "executed_at")], outcome.Errors.Select(e => (e.Line, e.Column)));
        await using var db = factory.CreateDbContext();
        Assert.Equal(0, await db.UatExecutions.CountAsync(e => e.ProgramId == programId));
        Assert.Equal("ImportRejected", (await AuditAsync(programId, "UatResults")).Single().Action);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_and_a_corrected_run_is_updated()
    {
        var (programId, change) = await ProgramWithScenariosAsync();
        var csv = Header + "FIN-001,Pilot UAT,Pass,Ana,2026-11-02T10:00:00Z,,\nFIN-002,Pilot UAT,Fail,Ben,2026-11-02T11:00:00Z,posting wrong,DEF-7\n";
        var reported = new List<UatImportProgress>();

        var first = await Import.ImportAsync(programId, Encoding.UTF8.GetBytes(csv), "r.csv", change, new SyncProgress(reported));
        var second = await Import.ImportAsync(programId, Encoding.UTF8.GetBytes(csv), "r.csv", change);
        var corrected = await Import.ImportAsync(programId, Encoding.UTF8.GetBytes(csv.Replace("Fail,Ben", "Pass,Ben")), "r2.csv", change);

        Assert.Equal((2, 2, 0, 0), (first.Rows, first.Recorded, first.Corrected, first.Unchanged));
        Assert.Equal((2, 0, 0, 2), (second.Rows, second.Recorded, second.Corrected, second.Unchanged));
        Assert.Equal((0, 1, 1), (corrected.Recorded, corrected.Corrected, corrected.Unchanged));
        Assert.Contains(reported, p => p.Stage == "Saving" && p.Done == 2 && p.Total == 2);
        await using var db = factory.CreateDbContext();
        Assert.Equal(2, await db.UatExecutions.CountAsync(e => e.ProgramId == programId));
        var audit = await AuditAsync(programId, "UatResults");
        Assert.Equal(3, audit.Count(e => e.Action == "Imported"));
        Assert.Contains("2 rows; 0 recorded, 0 corrected, 2 unchanged", audit[1].NewValues);
    }

    private const string Header = "scenario_key,cycle,status,tester,executed_at,notes,defect\n";

    private sealed class SyncProgress(List<UatImportProgress> into) : IProgress<UatImportProgress>
    {
        public void Report(UatImportProgress value) => into.Add(value);
    }

    private async Task<(int ProgramId, CurrentUser Change)> ProgramWithScenariosAsync()
    {
        var programId = await NewProgramAsync();
        var change = await factory.DemoUserAsync("change@portal.local");
        await Uat.AddScenarioAsync(programId, Draft("FIN-001"), change);
        await Uat.AddScenarioAsync(programId, Draft("FIN-002"), change);
        await Uat.AddCycleAsync(programId, new UatCycleDraft("Pilot UAT", null, null, UatCycleStatus.Active), change);
        return (programId, change);
    }

    private static UatScenarioDraft Draft(string key, UatCriticality criticality = UatCriticality.Normal) =>
        new(key, $"Scenario {key}", "Invoices", criticality, null);

    private async Task<List<Portal.Core.Auditing.AuditEntry>> AuditAsync(int programId, string entityType)
    {
        await using var db = factory.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(e => e.ProgramId == programId && e.EntityType == entityType).OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<int> NewProgramAsync(bool withIntegrationOwner = true)
    {
        var program = PortalProgram.Create("UAT " + Guid.NewGuid().ToString("N")[..8], "", ["PPM", "ERP"], null, DateTimeOffset.UtcNow).Value;
        program.SetMember((await factory.DemoUserAsync("pmo@portal.local")).Id, ProgramRole.PmoLead, DateTimeOffset.UtcNow);
        program.SetMember((await factory.DemoUserAsync("owner@portal.local")).Id, ProgramRole.ProcessOwner, DateTimeOffset.UtcNow);
        program.SetMember((await factory.DemoUserAsync("change@portal.local")).Id, ProgramRole.ChangeLead, DateTimeOffset.UtcNow);
        program.SetMember((await factory.DemoUserAsync("sponsor@portal.local")).Id, ProgramRole.ExecutiveSponsor, DateTimeOffset.UtcNow);
        program.SetMember((await factory.DemoUserAsync("viewer@portal.local")).Id, ProgramRole.Viewer, DateTimeOffset.UtcNow);
        if (withIntegrationOwner)
            program.SetMember((await factory.DemoUserAsync("it@portal.local")).Id, ProgramRole.IntegrationOwner, DateTimeOffset.UtcNow);
        await using var db = factory.CreateDbContext();
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return program.Id;
    }
}
