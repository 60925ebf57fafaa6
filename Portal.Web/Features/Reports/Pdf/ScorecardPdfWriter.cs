using System.Globalization;
using PdfSharp.Drawing;
using Portal.Core.Scorecards;

namespace Portal.Web.Features.Reports.Pdf;

/// <summary>A signature on record for a program, as the report lists it.</summary>
public sealed record SignOffLine(string Subject, string Signer, string Meaning, DateTimeOffset SignedUtc);

/// <summary>What one program's pages show: the Core scorecard as built (never recomputed here) and its sign-offs.</summary>
public sealed record ScorecardReport(Scorecard Card, IReadOnlyList<SignOffLine> SignOffs);

/// <summary>
/// Renders scorecards to PDF: a program's scorecard, or the portfolio (a summary table of every program, worst first, then
/// each program's scorecard). Layout only: every colour, value and rule comes from the document model (ADR-021, ADR-024).
/// </summary>
public static class ScorecardPdfWriter
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static byte[] Program(ScorecardReport report, DateTimeOffset generated)
    {
        using var canvas = new PdfCanvas($"Adoption scorecard: {report.Card.ProgramName}", FooterText(generated));
        ProgramPages(canvas, report, generated);
        return canvas.Finish();
    }

    public static byte[] Portfolio(IReadOnlyList<ScorecardReport> reports, DateTimeOffset generated, Action<int>? programDone = null, CancellationToken ct = default)
    {
        using var canvas = new PdfCanvas("Portfolio scorecard", FooterText(generated));
        var ordered = WorstFirst(reports);
        PortfolioSummary.Draw(canvas, ordered, generated);
        for (var i = 0; i < ordered.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            ProgramPages(canvas, ordered[i], generated);
            programDone?.Invoke(i + 1);
        }
        return canvas.Finish();
    }

    /// <summary>The portfolio page's default order: overall colour, then how many items are red, amber, without data; then name.</summary>
    public static IReadOnlyList<ScorecardReport> WorstFirst(IEnumerable<ScorecardReport> reports) =>
        reports.OrderByDescending(r => r.Card.Status.Severity()).ThenByDescending(r => r.Card.Count(ScoreStatus.Red))
            .ThenByDescending(r => r.Card.Count(ScoreStatus.Amber)).ThenByDescending(r => r.Card.Count(ScoreStatus.None))
            .ThenBy(r => r.Card.ProgramName, StringComparer.OrdinalIgnoreCase).ToList();

    public static string When(DateTimeOffset time) => time.UtcDateTime.ToString("d MMM yyyy, HH:mm", En) + " UTC";

    private static string FooterText(DateTimeOffset generated) => $"Generated {When(generated)} by Portal · for program governance";

    private static void ProgramPages(PdfCanvas canvas, ScorecardReport report, DateTimeOffset generated)
    {
        var card = report.Card;
        canvas.StartPage($"Adoption scorecard · {card.ProgramName}");
        canvas.Paragraph("ADOPTION SCORECARD", PdfStyle.SmallBold, PdfStyle.MutedBrush, after: 2);
        canvas.Paragraph(card.ProgramName, PdfStyle.Title, PdfStyle.TextBrush, after: 2);
        canvas.Paragraph($"Data as of {When(card.GeneratedAt)} · generated {When(generated)}", PdfStyle.Body, PdfStyle.MutedBrush, after: 8);
        Summary(canvas, card);
        Headline(canvas, card);
        ScorecardCharts.StatusBySection(canvas, card);
        ScorecardCharts.Rates(canvas, card);
        foreach (var section in card.Sections)
            SectionTable.Draw(canvas, section);
        SignOffs(canvas, report.SignOffs);
        Legend(canvas);
    }

    private static void Summary(PdfCanvas canvas, Scorecard card)
    {
        canvas.Ensure(22);
        PdfStyle.DrawChip(canvas, card.Status, canvas.Left, canvas.Y, 56, $"Overall {card.Status.Label().ToLowerInvariant()}");
        var counts = $"{card.Count(ScoreStatus.Red)} red · {card.Count(ScoreStatus.Amber)} amber · {card.Count(ScoreStatus.None)} no data · " +
                     $"{card.Count(ScoreStatus.Green)} green, of {card.Items.Count()} items";
        canvas.G.DrawString(counts, PdfStyle.BodyBold, PdfStyle.TextBrush, new XRect(canvas.Left + 64, canvas.Y, canvas.Width - 64, 12), XStringFormats.CenterLeft);
        canvas.Y += 22;
    }

    private static void Headline(PdfCanvas canvas, Scorecard card)
    {
        canvas.Ensure(40);
        canvas.Paragraph("Needs attention, worst first", PdfStyle.Heading, PdfStyle.TextBrush, after: 3);
        var attention = card.Headline.Where(i => i.Status is ScoreStatus.Red or ScoreStatus.Amber).ToList();
        if (attention.Count == 0)
        {
            var none = card.Count(ScoreStatus.None);
            canvas.Paragraph("Nothing is red or amber." + (none > 0 ? $" {none} items have no data yet, so they cannot be called green." : ""),
                PdfStyle.Body, PdfStyle.TextBrush, after: 10);
            return;
        }
        foreach (var item in attention)
        {
            var section = card.Sections.First(s => s.Items.Contains(item));
            var lines = canvas.Wrap($"{section.Title} · {item.Name}: {item.Value}", PdfStyle.Body, canvas.Width - 56);
            var height = lines.Count * PdfStyle.LineHeight(PdfStyle.Body) + 3;
            canvas.Ensure(height);
            PdfStyle.DrawChip(canvas, item.Status, canvas.Left, canvas.Y);
            canvas.Lines(lines, PdfStyle.Body, PdfStyle.TextBrush, canvas.Left + 54, canvas.Y, canvas.Width - 54);
            canvas.Y += height;
        }
        canvas.Y += 8;
    }

    private static void SignOffs(PdfCanvas canvas, IReadOnlyList<SignOffLine> signOffs)
    {
        var columns = new[] { ("Signed", 0.15), ("What was signed", 0.45), ("Signer", 0.24), ("Meaning", 0.16) };
        var rows = signOffs.OrderByDescending(s => s.SignedUtc)
            .Select(s => new[] { s.SignedUtc.UtcDateTime.ToString("d MMM yyyy", En), s.Subject, s.Signer, s.Meaning }).ToList();
        Table.Draw(canvas, "Sign-offs on record", columns, rows, null, "No sign-offs are recorded for this program yet.");
    }

    private static void Legend(PdfCanvas canvas)
    {
        canvas.Ensure(70);
        canvas.Y += 4;
        canvas.Paragraph("How colours are decided", PdfStyle.Heading, PdfStyle.TextBrush, after: 3);
        canvas.Paragraph("Each item's rule is printed next to it. Green: the item meets its target. Amber: close to the target, within the " +
            "stated band. Red: off target, or a condition that stops go-live. No data (grey): nothing to judge yet; it never counts as green, " +
            "so an empty register cannot make a program look healthy.", PdfStyle.Small, PdfStyle.MutedBrush);
    }
}
