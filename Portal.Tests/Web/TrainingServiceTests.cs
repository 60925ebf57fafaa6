using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Programs;
using Portal.Core.Training;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.Programs;
using Portal.Web.Features.Stakeholders;
using Portal.Web.Features.Training;

namespace Portal.Tests.Web;

/// <summary>
/// Training through its services: the Atlas demo gap, who may read and write, the threshold setting, and the
/// all-or-nothing, idempotent LMS import with its audit. Tests that write work on a program of their own.
/// </summary>
public sealed class TrainingServiceTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private TrainingService Reads => factory.Services.GetRequiredService<TrainingService>();
    private TrainingEditService Edits => factory.Services.GetRequiredService<TrainingEditService>();
    private TrainingCsvService Csv => factory.Services.GetRequiredService<TrainingCsvService>();

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    [Fact]
    public async Task Atlas_shows_the_financial_analysts_below_the_gate_and_the_other_audiences_above_it()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var view = await Reads.GetAsync(atlas, await factory.DemoUserAsync("viewer@portal.local"));

        Assert.NotNull(view);
        Assert.False(view.CanEdit);
        Assert.Equal(90m, view.ThresholdPercent);
        Assert.Equal([("Capital Projects PMs", 11, 10, true), ("ERP/IT team", 6, 6, true), ("Financial analysts", 9, 7, false)],
            view.Audiences.Select(a => (a.Name, a.People, a.Completed, a.Meets(90m))));
        Assert.Contains(view.Courses, c => c is { Code: "PM-110", IsMandatory: false, IsBuiltOnRealData: false });
        Assert.NotEmpty(view.Sessions);

        await using var db = factory.CreateDbContext();
        var program = await db.Programs.Include(p => p.Members).SingleAsync(p => p.Id == atlas);
        var facts = await factory.Services.GetRequiredService<ProgramFactsLoader>().LoadAsync(db, program, CancellationToken.None);
        var evaluation = new TrainingCompletionEvaluator().Evaluate(new Dictionary<string, string>(), facts);
        Assert.Equal("Training completion 77.7% < 90% for Financial analysts", Assert.Single(evaluation.Reasons));
        Assert.Equal((77.7m, 90m), (evaluation.MeasuredValue, evaluation.Threshold));

        var pending = await Reads.GetPendingAsync(atlas, null, 0, 25, await factory.DemoUserAsync("viewer@portal.local"));
        Assert.Equal(3, pending!.Total);
        Assert.Equal(2, pending.Rows.Count(p => p.Audience == "Financial analysts" && p.MissingCourses.SequenceEqual(["FIN-202"])));
    }

    [Fact]
    public async Task Change_leads_and_PMO_leads_write_viewers_only_read_non_members_get_not_found_and_only_PMO_leads_set_the_threshold()
    {
        var (program, pmo, groupId) = await NewProgramAsync();
        var change = await factory.DemoUserAsync("change@portal.local");
        var viewer = await factory.DemoUserAsync("viewer@portal.local");
        var programs = factory.Services.GetRequiredService<ProgramService>();
        await programs.SetMemberAsync(program, change.Id, ProgramRole.ChangeLead, pmo);
        await programs.SetMemberAsync(program, viewer.Id, ProgramRole.Viewer, pmo);
        var outsider = await factory.DemoUserAsync("owner@portal.local");
        var course = new TrainingCourseInput("FIN-1", "Budget to actuals", null, TrainingAudience.Group(groupId), true, true);

        var created = await Edits.CreateCourseAsync(program, course, change);
        Assert.True(created.Succeeded);
        Assert.Equal(TrainingEditService.NotEditor, Assert.Single((await Edits.CreateCourseAsync(program, course with { Code = "X" }, viewer)).Errors).Message);
        Assert.Equal(TrainingEditService.NotFound, Assert.Single((await Edits.CreateCourseAsync(program, course with { Code = "X" }, outsider)).Errors).Message);
        Assert.Null(await Reads.GetAsync(program, outsider));
        Assert.Null(await Reads.GetPendingAsync(program, null, 0, 10, outsider));
        Assert.Null(await Csv.ExportAsync(program, outsider));
        Assert.Equal("Code", Assert.Single((await Edits.CreateCourseAsync(program, course with { Code = "fin-1" }, pmo)).Errors).Field);

        var session = await Edits.ScheduleSessionAsync(program, created.Value, new TrainingSessionInput(new DateOnly(2026, 12, 1), "Dana", "", true, 20), change);
        Assert.True(session.Succeeded);
        Assert.False((await Edits.ScheduleSessionAsync(program, created.Value, new TrainingSessionInput(null, "Dana", "", true, 20), viewer)).Succeeded);

        Assert.Equal(TrainingEditService.NotManager, Assert.Single((await Edits.ChangeThresholdAsync(program, 80m, change)).Errors).Message);
        Assert.Equal("ThresholdPercent", Assert.Single((await Edits.ChangeThresholdAsync(program, 0m, pmo)).Errors).Field);
        Assert.True((await Edits.ChangeThresholdAsync(program, 85m, pmo)).Succeeded);
        Assert.Equal(85m, (await Reads.GetAsync(program, viewer))!.ThresholdPercent);

        await using var db = factory.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.ProgramId == program && a.EntityType.StartsWith("Training")).OrderBy(a => a.Sequence)
            .Select(a => new { a.EntityType, a.Action, a.NewValues }).ToListAsync();
        Assert.Equal([("TrainingCourse", "Created"), ("TrainingSession", "Scheduled"), ("TrainingSettings", "ThresholdChanged")], audit.Select(a => (a.EntityType, a.Action)));
        Assert.Equal("threshold 85%", audit[2].NewValues);
    }

    [Fact]
    public async Task An_import_with_a_bad_row_writes_nothing_a_fixed_file_updates_the_rates_and_the_same_file_again_changes_nothing()
    {
        var (program, pmo, groupId) = await NewProgramAsync();
        var course = await Edits.CreateCourseAsync(program, new TrainingCourseInput("FIN-1", "Budget to actuals", null, TrainingAudience.Group(groupId), true, true), pmo);
        Assert.True(course.Succeeded);
        const string header = "email,course_code,enrolled_date,completed_date,score\n";
        var bad = header + $"a@t.example,FIN-1,2026-01-05,2026-01-10,90\nb@t.example,FIN-1,2026-01-05,someday,\n";

        var rejected = await Csv.ImportAsync(program, Encoding.UTF8.GetBytes(bad), "lms.csv", pmo);

        Assert.Equal((3, "completed_date"), (Assert.Single(rejected.Errors).Line, rejected.Errors[0].Column));
        await using (var db = factory.CreateDbContext())
            Assert.Equal(0, await db.TrainingRecords.CountAsync(r => r.ProgramId == program));

        var good = header + $"a@t.example,FIN-1,2026-01-05,2026-01-10,90\nb@t.example,FIN-1,2026-01-05,{Today},\nc@t.example,FIN-1,2026-01-05,,\n";
        var imported = await Csv.ImportAsync(program, Encoding.UTF8.GetBytes(good), "lms.csv", pmo);
        Assert.True(imported.Succeeded);
        Assert.Equal((3, 3, 0), (imported.Rows, imported.Added, imported.Changed));
        var rate = (await Reads.GetAsync(program, pmo))!.Audiences.Single();
        Assert.Equal((3, 2), (rate.People, rate.Completed));

        var again = await Csv.ImportAsync(program, Encoding.UTF8.GetBytes(good), "lms.csv", pmo);
        Assert.Equal((3, 0, 0, 3), (again.Rows, again.Added, again.Changed, again.Unchanged));

        var later = good.Replace("c@t.example,FIN-1,2026-01-05,,", $"c@t.example,FIN-1,2026-01-05,{Today},75");
        var update = await Csv.ImportAsync(program, Encoding.UTF8.GetBytes(later), "lms-2.csv", pmo);
        Assert.Equal((0, 1, 2), (update.Added, update.Changed, update.Unchanged));
        Assert.Equal(100m, (await Reads.GetAsync(program, pmo))!.Audiences.Single().Percent);

        await using var read = factory.CreateDbContext();
        var audit = await read.AuditEntries.Where(a => a.ProgramId == program && a.EntityType == "Training").OrderBy(a => a.Sequence)
            .Select(a => new { a.Action, a.NewValues }).ToListAsync();
        Assert.Equal(["ImportRejected", "Imported", "Imported"], audit.Select(a => a.Action));
        Assert.Contains("3 rows; 3 enrolments added, 0 changed, 0 unchanged", audit[1].NewValues);
        Assert.Contains("0 enrolments added, 1 changed, 2 unchanged", audit[2].NewValues);
    }

    [Fact]
    public async Task A_role_audience_counts_the_members_in_that_role_and_a_viewer_cannot_import()
    {
        var (program, pmo, _) = await NewProgramAsync();
        var change = await factory.DemoUserAsync("change@portal.local");
        var viewer = await factory.DemoUserAsync("viewer@portal.local");
        var programs = factory.Services.GetRequiredService<ProgramService>();
        await programs.SetMemberAsync(program, change.Id, ProgramRole.ChangeLead, pmo);
        await programs.SetMemberAsync(program, viewer.Id, ProgramRole.Viewer, pmo);
        Assert.True((await Edits.CreateCourseAsync(program, new TrainingCourseInput("CL-1", "Coaching", null, TrainingAudience.ForRole(ProgramRole.ChangeLead), true, false), pmo)).Succeeded);
        var file = Encoding.UTF8.GetBytes($"email,course_code,enrolled_date,completed_date\nchange@portal.local,CL-1,2026-01-05,2026-01-06\n");

        Assert.Equal(TrainingEditService.NotEditor, Assert.Single((await Csv.ImportAsync(program, file, "lms.csv", viewer)).Errors).Message);
        Assert.True((await Csv.ImportAsync(program, file, "lms.csv", change)).Succeeded);

        var rate = (await Reads.GetAsync(program, pmo))!.Audiences.Single();
        Assert.Equal(("Change lead", 1, 1), (rate.Name, rate.People, rate.Completed));
        Assert.Contains("change@portal.local,CL-1,2026-01-05,2026-01-06,", await Csv.ExportAsync(program, viewer));
    }

    private async Task<(int Program, CurrentUser Pmo, int GroupId)> NewProgramAsync()
    {
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var created = await factory.Services.GetRequiredService<ProgramService>().CreateAsync(new ProgramForm { Name = "Training " + Guid.NewGuid().ToString("N")[..8] }, pmo);
        var edits = factory.Services.GetRequiredService<StakeholderEditService>();
        var group = await edits.CreateGroupAsync(created.Value, "Analysts", null, pmo);
        foreach (var name in new[] { "a", "b", "c" })
            Assert.True((await edits.CreatePersonAsync(created.Value, new PersonForm { Name = name.ToUpperInvariant(), Email = $"{name}@t.example", GroupId = group.Value }, pmo)).Succeeded);
        return (created.Value, pmo, group.Value);
    }
}
