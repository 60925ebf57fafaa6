using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Core.Stakeholders;
using Portal.Core.Training;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Reliability;

/// <summary>
/// Issue 8 "Faults": a change lead uploads a 30,000-row LMS export in the browser and Portal is killed (SIGKILL) while the
/// import is saving. After a restart on the same database the file is either wholly imported or not at all (the import is
/// one transaction), the audit trail agrees with what is stored, and importing the file again completes it.
/// </summary>
public sealed class ImportKillTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int People = 3_000;
    private const int Courses = 10;

    [BrowserFact]
    public async Task Killing_the_server_while_an_import_saves_leaves_all_or_nothing_and_a_reimport_completes_it()
    {
        var atlas = await PortalUi.ProgramIdAsync(fixture, "Atlas");
        var file = await LargeLmsExportAsync(atlas);
        var before = await StateAsync(atlas);

        var change = await fixture.SignInAsync("change@portal.local");
        await PortalUi.OpenAsync(change, $"/programs/{atlas}/training");
        await change.GetByTestId("open-training-import").ClickAsync();
        await change.GetByTestId("training-import-file").SetInputFilesAsync(new FilePayload { Name = "lms-large.csv", MimeType = "text/csv", Buffer = file });
        // Killed as soon as the page says it is saving: the transaction is open or about to commit.
        await Expect(change.GetByTestId("import-progress")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Saving|Done"),
            new() { Timeout = 120_000 });
        await fixture.Server.StopAsync();
        var afterKill = await StateAsync(atlas);

        var added = afterKill.Records - before.Records;
        output.WriteLine($"rows in the file {People * Courses:N0}; training records before {before.Records:N0}, after the kill {afterKill.Records:N0} " +
            $"(added {added:N0}); import audit entries before {before.ImportAudits}, after {afterKill.ImportAudits}");
        Assert.True(added == 0 || added == People * Courses, $"a half-stored import: {added:N0} of {People * Courses:N0} rows");
        Assert.Equal(added == 0 ? before.ImportAudits : before.ImportAudits + 1, afterKill.ImportAudits);

        // The restarted app takes the same file again and ends with every row, once.
        await using var restarted = await PortalServer.StartAsync(existing: fixture.Server.Database);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = restarted.BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", "change@portal.local");
        await page.FillAsync("#password", BrowserFixture.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/portfolio");
        await PortalUi.OpenAsync(page, $"/programs/{atlas}/training");
        await page.GetByTestId("open-training-import").ClickAsync();
        await page.GetByTestId("training-import-file").SetInputFilesAsync(new FilePayload { Name = "lms-large.csv", MimeType = "text/csv", Buffer = file });
        await Expect(page.GetByTestId("training-import-result")).ToBeVisibleAsync(new() { Timeout = 120_000 });

        var final = await StateAsync(atlas);
        Assert.Equal(before.Records + People * Courses, final.Records);
    }

    private sealed record State(int Records, int ImportAudits);

    private async Task<State> StateAsync(int programId)
    {
        await using var db = fixture.Server.Database.CreateContext();
        var courses = db.TrainingCourses.Where(c => c.ProgramId == programId).Select(c => c.Id);
        var records = await db.TrainingRecords.CountAsync(r => courses.Contains(r.CourseId));
        var audits = await db.AuditEntries.CountAsync(a => a.Action == "Imported" && a.EntityType == "Training" && a.ProgramId == programId);
        return new State(records, audits);
    }

    /// <summary>3,000 people in a new group with ten mandatory courses, and the LMS file enrolling each in each course.</summary>
    private async Task<byte[]> LargeLmsExportAsync(int programId)
    {
        await using var db = fixture.Server.Database.CreateContext();
        var group = StakeholderGroup.Create(programId, "Regional controllers (kill test)", "Generated for the import kill test").Value;
        db.StakeholderGroups.Add(group);
        await db.SaveChangesAsync();
        var emails = new List<string>();
        for (var p = 0; p < People; p++)
        {
            var email = $"controller{p:0000}@kill-test.example.com";
            db.StakeholderPeople.Add(StakeholderPerson.Create(programId, group.Id, $"Controller {p:0000}", "Controller", email, "Finance").Value);
            emails.Add(email);
        }
        for (var c = 0; c < Courses; c++)
            db.TrainingCourses.Add(TrainingCourse.Create(programId, new TrainingCourseInput($"KT-{c:00}", $"Kill test course {c}", "",
                TrainingAudience.Group(group.Id), true, true)).Value);
        await db.SaveChangesAsync();

        var csv = new StringBuilder(TrainingCsv.HeaderLine());
        var enrolled = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40);
        var i = 0;
        foreach (var email in emails)
            for (var c = 0; c < Courses; c++, i++)
                csv.Append(TrainingCsv.Line(email, $"KT-{c:00}", enrolled, i % 3 == 0 ? null : enrolled.AddDays(1 + i % 30), i % 3 == 0 ? null : 60 + i % 41));
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
