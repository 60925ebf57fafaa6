using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Reports;

namespace Portal.Tests.Web;

/// <summary>The scorecard PDFs opened as files: pages, the key numbers from the JSON scorecard, signer names, and 404 for non-members.</summary>
public sealed class ScorecardPdfTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [PdfFact]
    public async Task Atlas_pdf_shows_the_program_its_key_numbers_a_signer_and_page_numbers()
    {
        var atlasId = await factory.ProgramIdAsync("Atlas");
        var client = await factory.SignedInClientAsync("sponsor@portal.local");
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/programs/{atlasId}/scorecard"));
        var items = json.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray()).ToList();
        decimal Number(string name) => items.Single(i => i.GetProperty("name").GetString() == name).GetProperty("number").GetDecimal();

        var response = await client.GetAsync($"/api/programs/{atlasId}/scorecard.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        await PdfTools.RenderAsync(pdf, "pdf-atlas", pages: 6);
        var text = await PdfTools.TextAsync(pdf);
        var pages = await PdfTools.PageCountAsync(pdf);

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.InRange(pages, 2, 8);
        Assert.Contains("Atlas: PPM and ERP financial integration", text);
        Assert.Contains("Page 1 of " + pages, text);
        Assert.Contains($"Page {pages} of {pages}", text);
        Assert.Contains($"{Number("Training completion"):0.#}%", text); // Financial analysts, 7 of 9
        Assert.Contains($"{Number("UAT pass rate"):0.#}%", text);
        Assert.Contains("Mara Lindqvist", text); // the finance process owner signed Atlas's change criteria
        Assert.Contains("Sign-offs on record", text);
        Assert.Contains("Needs attention, worst first", text);
    }

    [Fact]
    public async Task A_non_member_gets_404_for_the_program_pdf_like_a_missing_program()
    {
        var harborId = await factory.ProgramIdAsync("Harbor");
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var hidden = await client.GetAsync($"/api/programs/{harborId}/scorecard.pdf");
        var missing = await client.GetAsync("/api/programs/999999/scorecard.pdf");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("Harbor", await hidden.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/programs/{harborId}/scorecard.pdf")).StatusCode);
    }

    [PdfFact]
    public async Task The_portfolio_pdf_covers_only_the_programs_the_caller_can_see()
    {
        var viewer = await factory.SignedInClientAsync("viewer@portal.local");
        var admin = await factory.SignedInClientAsync("admin@portal.local");

        var viewerPdf = await viewer.GetByteArrayAsync("/api/portfolio/scorecard.pdf");
        var adminPdf = await admin.GetByteArrayAsync("/api/portfolio/scorecard.pdf");
        await PdfTools.RenderAsync(adminPdf, "pdf-portfolio", pages: 2);
        var viewerText = await PdfTools.TextAsync(viewerPdf);
        var adminText = await PdfTools.TextAsync(adminPdf);

        Assert.Contains("1 program, worst first", viewerText);
        Assert.Contains("Atlas: PPM and ERP financial integration", viewerText);
        Assert.DoesNotContain("Harbor", viewerText);
        Assert.Contains("2 programs, worst first", adminText);
        Assert.Contains("Harbor: PSA and HCM resource sync", adminText);
        Assert.True(await PdfTools.PageCountAsync(adminPdf) > await PdfTools.PageCountAsync(viewerPdf));
    }

    [Fact]
    public async Task A_stored_report_is_listed_and_served_to_its_owner_only()
    {
        var reports = factory.Services.GetRequiredService<ReportService>();
        var atlasId = await factory.ProgramIdAsync("Atlas");
        var sponsor = await factory.DemoUserAsync("sponsor@portal.local");
        var viewer = await factory.DemoUserAsync("viewer@portal.local"); // an Atlas member too, but not the file's owner
        var id = await reports.SaveAsync((await reports.ProgramPdfAsync(atlasId, sponsor))!, sponsor.Id);

        var mine = await (await factory.SignedInClientAsync("sponsor@portal.local")).GetAsync($"/api/reports/{id}/file");
        var theirs = await (await factory.SignedInClientAsync("viewer@portal.local")).GetAsync($"/api/reports/{id}/file");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("application/pdf", mine.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Contains(await reports.ListAsync(sponsor), f => f.Id == id);
        Assert.DoesNotContain(await reports.ListAsync(viewer), f => f.Id == id);
    }
}
