using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Milestones;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.Training;
using Portal.Web.Features.Uat;

namespace Portal.Tests.Web;

/// <summary>One walk through the Pilot phase on its own database: meet, complete, close, reopen — each step audited.</summary>
public sealed class MilestoneFlowTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task Meeting_the_criterion_completes_the_milestone_closes_the_phase_and_a_pmo_lead_can_reopen_it_with_a_reason()
    {
        var work = factory.Services.GetRequiredService<MilestoneWorkService>();
        var milestones = factory.Services.GetRequiredService<MilestoneService>();
        var (atlas, pilotPhase, technical, criterion) = await PilotAsync();
        var pmo = await factory.DemoUserAsync("pmo@portal.local");

        Assert.False((await milestones.ClosePhaseAsync(atlas, pilotPhase, pmo)).Succeeded);

        await work.RecordEvidenceAsync(atlas, criterion, "EUR 18,400 early payment discount on PO 4500-2291", pmo);
        Assert.True((await work.SignAsync(atlas, criterion, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, null, await factory.DemoUserAsync("owner@portal.local"))).Succeeded);
        Assert.True((await work.SignAsync(atlas, criterion, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, null, await factory.DemoUserAsync("sponsor@portal.local"))).Succeeded);

        var stillShort = await milestones.CompleteAsync(technical, pmo, null, null);
        Assert.Equal(OutcomeKind.Blocked, stillShort.Kind); // the Pilot's training and UAT gaps
        var change = await factory.DemoUserAsync("change@portal.local");
        var now = DateTime.UtcNow;
        Assert.True((await factory.Services.GetRequiredService<TrainingCsvService>()
            .ImportAsync(atlas, Encoding.UTF8.GetBytes(DemoPilotGaps.LmsExport(now)), "lms.csv", change)).Succeeded);
        Assert.True((await factory.Services.GetRequiredService<UatImportService>()
            .ImportAsync(atlas, Encoding.UTF8.GetBytes(DemoPilotGaps.UatRetest(now)), "retest.csv", change)).Succeeded);

        var viewerTry = await milestones.CompleteAsync(technical, await factory.DemoUserAsync("viewer@portal.local"), null, null);
        Assert.Equal(OutcomeKind.Forbidden, viewerTry.Kind);
        var completed = await milestones.CompleteAsync(technical, pmo, null, "Pilot exit review 21 Nov");
        Assert.Equal(OutcomeKind.Done, completed.Kind);

        Assert.True((await milestones.ClosePhaseAsync(atlas, pilotPhase, pmo)).Succeeded);
        var client = await factory.SignedInClientAsync("pmo@portal.local");
        using (var list = JsonDocument.Parse(await client.GetStringAsync("/api/programs")))
        {
            var row = list.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == atlas);
            Assert.Equal("Go-Live", row.GetProperty("currentPhase").GetString());
        }

        Assert.Equal("Reason", (await milestones.ReopenAsync(atlas, technical, "", pmo)).Errors[0].Field);
        Assert.True((await milestones.ReopenAsync(atlas, technical, "Finance found the discount was booked twice", pmo)).Succeeded);

        await using var db = factory.CreateDbContext();
        var actions = await db.AuditEntries.Where(a => a.ProgramId == atlas && a.Sequence > 0).OrderBy(a => a.Sequence).Select(a => new { a.Action, a.Reason }).ToListAsync();
        Assert.Contains(actions, a => a.Action == "Completed" && a.Reason == "Pilot exit review 21 Nov");
        Assert.Contains(actions, a => a.Action == "Closed");
        Assert.Contains(actions, a => a.Action == "Reopened" && a.Reason == "Finance found the discount was booked twice");
        Assert.Equal(MilestoneStatus.InProgress, await db.Milestones.Where(m => m.Id == technical).Select(m => m.Status).SingleAsync());
        var history = (await work.GetAsync(atlas, technical, pmo))!.History;
        Assert.Equal(["Reopened", "Completed"], history.Select(h => h.Action));
        Assert.Equal("Finance found the discount was booked twice", history[0].Reason);
    }

    [Fact]
    public async Task A_stale_version_is_refused_without_overwriting()
    {
        var milestones = factory.Services.GetRequiredService<MilestoneService>();
        var (_, _, technical, _) = await PilotAsync();

        var outcome = await milestones.CompleteAsync(technical, await factory.DemoUserAsync("pmo@portal.local"), Guid.NewGuid(), null);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains("since you opened it", outcome.Message);
    }

    private async Task<(int Atlas, int PilotPhase, int Technical, int Criterion)> PilotAsync()
    {
        _ = factory.Server;
        await using var db = factory.CreateDbContext();
        var atlas = await db.Programs.Where(p => p.Name.StartsWith("Atlas")).Select(p => p.Id).SingleAsync();
        var phase = await db.Phases.SingleAsync(p => p.ProgramId == atlas && p.Name == "Pilot");
        var technical = await db.Milestones.Where(m => m.PhaseId == phase.Id && m.Kind == MilestoneKind.Technical).Select(m => m.Id).SingleAsync();
        var criterion = await db.Criteria.Where(c => c.Title.StartsWith("At least one financial outcome") &&
            db.Milestones.Any(m => m.Id == c.MilestoneId && m.PhaseId == phase.Id)).Select(c => c.Id).SingleAsync();
        return (atlas, phase.Id, technical, criterion);
    }
}
