using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Reliability;

/// <summary>
/// Issue 8 "Faults": Portal is killed (SIGKILL) while a 42-program portfolio PDF is being made in the background. A report
/// file is one database row written when the PDF is complete, so after a restart there is either no file or a whole one
/// (never a truncated PDF, nothing orphaned on disk), and the sponsor simply makes it again.
/// </summary>
public sealed class ReportKillTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Killing_the_server_while_a_pdf_is_made_leaves_no_partial_file_and_a_new_request_completes()
    {
        await PortalUi.AddProgramsForTheSponsorAsync(fixture, 40);
        var sponsor = await fixture.SignInAsync("sponsor@portal.local");
        await sponsor.GetByTestId("pdf-start").ClickAsync();
        await fixture.Server.StopAsync(); // mid-generation: 42 programs take the background queue a while
        var afterKill = await FilesAsync();
        output.WriteLine($"report files after the kill: {afterKill.Count} ({string.Join(", ", afterKill.Select(f => $"{f.Size:N0} bytes, {f.Programs} programs"))})");
        AssertWhole(afterKill);

        await using var restarted = await PortalServer.StartAsync(existing: fixture.Server.Database);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = restarted.BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", "sponsor@portal.local");
        await page.FillAsync("#password", BrowserFixture.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/portfolio");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByTestId("pdf-start").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("pdf-ready").ClickAsync(new() { Timeout = 120_000 }));
        var path = await download.PathAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(path!))[..5]));

        var final = await FilesAsync();
        output.WriteLine($"report files after the restart and a new request: {final.Count}");
        AssertWhole(final);
        Assert.Equal(afterKill.Count + 1, final.Count);
    }

    private sealed record FileRow(long Size, int Length, int Programs, string Head, string Tail);

    private static void AssertWhole(IReadOnlyList<FileRow> files)
    {
        foreach (var f in files)
        {
            Assert.Equal(f.Size, f.Length);
            Assert.Equal("%PDF-", f.Head);
            Assert.Contains("%%EOF", f.Tail);
        }
    }

    private async Task<IReadOnlyList<FileRow>> FilesAsync()
    {
        await using var db = fixture.Server.Database.CreateContext();
        var files = await db.ReportFiles.AsNoTracking().Select(f => new { f.SizeBytes, f.Content, f.ProgramCount }).ToListAsync();
        return files.Select(f => new FileRow(f.SizeBytes, f.Content.Length, f.ProgramCount,
            System.Text.Encoding.ASCII.GetString(f.Content.AsSpan(0, Math.Min(5, f.Content.Length))),
            System.Text.Encoding.ASCII.GetString(f.Content.AsSpan(Math.Max(0, f.Content.Length - 32))))).ToList();
    }
}
