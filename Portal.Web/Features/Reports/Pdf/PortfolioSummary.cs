using PdfSharp.Drawing;
using Portal.Core.Scorecards;

namespace Portal.Web.Features.Reports.Pdf;

/// <summary>The portfolio's first pages: one row per program, worst first, with its overall colour and each section's colour.</summary>
internal static class PortfolioSummary
{
    private const double NameWidth = 210, OverallWidth = 64, Pad = 3;

    private static readonly (string Key, string Title)[] Columns =
    [
        (ScorecardKeys.PhaseGates, "Phase gates"), (ScorecardKeys.Readiness, "Readiness"), (ScorecardKeys.TrainingUat, "Training & UAT"),
        (ScorecardKeys.Decommissioning, "Decommis- sioning"), (ScorecardKeys.IntegrationHealth, "Integration"), (ScorecardKeys.Adoption, "Adoption"),
        (ScorecardKeys.Sponsorship, "Sponsorship"), (ScorecardKeys.Budget, "Budget"),
    ];

    public static void Draw(PdfCanvas canvas, IReadOnlyList<ScorecardReport> reports, DateTimeOffset generated)
    {
        canvas.StartPage("Portfolio scorecard", landscape: true);
        canvas.Paragraph("PORTFOLIO SCORECARD", PdfStyle.SmallBold, PdfStyle.MutedBrush, after: 2);
        canvas.Paragraph($"{reports.Count} program{(reports.Count == 1 ? "" : "s")}, worst first", PdfStyle.Title, PdfStyle.TextBrush, after: 2);
        canvas.Paragraph($"Generated {ScorecardPdfWriter.When(generated)}. Each column is a scorecard section, coloured by its worst item; " +
            "every program's full scorecard follows on its own pages.", PdfStyle.Body, PdfStyle.MutedBrush, after: 10);
        if (reports.Count == 0)
        {
            canvas.Paragraph("You are not a member of any program yet.", PdfStyle.Body, PdfStyle.TextBrush);
            return;
        }
        var sectionWidth = (canvas.Width - NameWidth - OverallWidth) / Columns.Length;
        Header(canvas, sectionWidth);
        for (var r = 0; r < reports.Count; r++)
        {
            var card = reports[r].Card;
            var name = canvas.Wrap(card.ProgramName, PdfStyle.CellBold, NameWidth - 2 * Pad);
            var counts = $"{card.Count(ScoreStatus.Red)} red · {card.Count(ScoreStatus.Amber)} amber";
            var height = Math.Max(30, (name.Count + 1) * PdfStyle.LineHeight(PdfStyle.Cell) + 2 * Pad);
            if (canvas.Ensure(height))
                Header(canvas, sectionWidth);
            if (r % 2 == 1)
                canvas.G.DrawRectangle(PdfStyle.StripeFill, new XRect(canvas.Left, canvas.Y, canvas.Width, height));
            canvas.Lines(name, PdfStyle.CellBold, PdfStyle.TextBrush, canvas.Left + Pad, canvas.Y + Pad, NameWidth - 2 * Pad);
            canvas.Lines([counts], PdfStyle.Small, PdfStyle.MutedBrush, canvas.Left + Pad, canvas.Y + Pad + name.Count * PdfStyle.LineHeight(PdfStyle.CellBold), NameWidth);
            var x = canvas.Left + NameWidth;
            PdfStyle.DrawChip(canvas, card.Status, x + Pad, canvas.Y + Pad, OverallWidth - 2 * Pad);
            x += OverallWidth;
            foreach (var (key, _) in Columns)
            {
                if (card.Section(key) is { } section)
                    PdfStyle.DrawChip(canvas, section.Status, x + Pad, canvas.Y + Pad, sectionWidth - 2 * Pad);
                else
                    canvas.G.DrawString("–", PdfStyle.Cell, PdfStyle.MutedBrush, new XRect(x, canvas.Y + Pad, sectionWidth, 12), XStringFormats.Center);
                x += sectionWidth;
            }
            canvas.Y += height;
            canvas.G.DrawLine(PdfStyle.GridPen, canvas.Left, canvas.Y, canvas.Right, canvas.Y);
        }
        canvas.Y += 8;
        canvas.Paragraph("– means the program has no data source for that section yet (no section is shown rather than an invented one).",
            PdfStyle.Small, PdfStyle.MutedBrush);
    }

    private static void Header(PdfCanvas canvas, double sectionWidth)
    {
        var lines = Columns.Select(c => canvas.Wrap(c.Title, PdfStyle.HeaderSmall, sectionWidth - 2 * Pad)).ToList();
        var height = Math.Max(2, lines.Max(l => l.Count)) * PdfStyle.LineHeight(PdfStyle.HeaderSmall) + 2 * Pad;
        canvas.G.DrawRectangle(PdfStyle.HeaderFill, new XRect(canvas.Left, canvas.Y, canvas.Width, height));
        canvas.Lines(["Program"], PdfStyle.SmallBold, PdfStyle.MutedBrush, canvas.Left + Pad, canvas.Y + Pad, NameWidth);
        canvas.Lines(["Overall"], PdfStyle.SmallBold, PdfStyle.MutedBrush, canvas.Left + NameWidth + Pad, canvas.Y + Pad, OverallWidth);
        var x = canvas.Left + NameWidth + OverallWidth;
        foreach (var l in lines)
        {
            canvas.Lines(l, PdfStyle.HeaderSmall, PdfStyle.MutedBrush, x + Pad, canvas.Y + Pad, sectionWidth - 2 * Pad);
            x += sectionWidth;
        }
        canvas.Y += height;
    }
}
