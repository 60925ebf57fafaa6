using PdfSharp.Drawing;
using Portal.Core.Scorecards;

namespace Portal.Web.Features.Reports.Pdf;

/// <summary>
/// A titled table whose rows grow to fit wrapped text and break between pages (never inside a row), repeating the header
/// on the next page. An optional status column draws a colour chip with the status word.
/// </summary>
internal static class Table
{
    private const double Pad = 3;

    public static void Draw(PdfCanvas canvas, string title, IReadOnlyList<(string Header, double Share)> columns, IReadOnlyList<string[]> rows,
        IReadOnlyList<ScoreStatus>? statuses, string empty, int statusColumn = -1, XFont? lastColumnFont = null)
    {
        var widths = columns.Select(c => c.Share * canvas.Width).ToArray();
        var cellLine = PdfStyle.LineHeight(PdfStyle.Cell);
        var heights = rows.Select(r => RowHeight(canvas, r, widths, statusColumn, lastColumnFont)).ToList();
        // A table that fits on one page starts on a new page rather than being split; a longer one starts where it is.
        var titleAndHeader = PdfStyle.LineHeight(PdfStyle.Heading) + 3 + cellLine + 2 * Pad;
        var whole = titleAndHeader + heights.Sum();
        canvas.Ensure(whole <= canvas.Bottom - PdfCanvas.Margin - 40 ? whole : titleAndHeader + (heights.Count > 0 ? heights[0] : cellLine));
        canvas.Paragraph(title, PdfStyle.Heading, PdfStyle.TextBrush, after: 3);
        if (rows.Count == 0)
        {
            canvas.Paragraph(empty, PdfStyle.Body, PdfStyle.MutedBrush, after: 10);
            return;
        }
        Header(canvas, columns, widths);
        for (var r = 0; r < rows.Count; r++)
        {
            if (canvas.Ensure(heights[r]))
            {
                canvas.Paragraph(title + " (continued)", PdfStyle.BodyBold, PdfStyle.MutedBrush, after: 2);
                Header(canvas, columns, widths);
            }
            if (r % 2 == 1)
                canvas.G.DrawRectangle(PdfStyle.StripeFill, new XRect(canvas.Left, canvas.Y, canvas.Width, heights[r]));
            var x = canvas.Left;
            for (var c = 0; c < widths.Length; c++)
            {
                if (c == statusColumn && statuses is not null)
                    PdfStyle.DrawChip(canvas, statuses[r], x + Pad, canvas.Y + Pad, Math.Min(46, widths[c] - 2 * Pad));
                else
                {
                    var font = Font(c, widths.Length, lastColumnFont);
                    var brush = font == PdfStyle.Rule ? PdfStyle.MutedBrush : PdfStyle.TextBrush;
                    canvas.Lines(canvas.Wrap(rows[r][c], font, widths[c] - 2 * Pad), font, brush, x + Pad, canvas.Y + Pad, widths[c] - 2 * Pad);
                }
                x += widths[c];
            }
            canvas.Y += heights[r];
            canvas.G.DrawLine(PdfStyle.GridPen, canvas.Left, canvas.Y, canvas.Right, canvas.Y);
        }
        canvas.Y += 12;
    }

    private static XFont Font(int column, int count, XFont? lastColumnFont) =>
        column == 0 ? PdfStyle.CellBold : column == count - 1 && lastColumnFont is not null ? lastColumnFont : PdfStyle.Cell;

    private static double RowHeight(PdfCanvas canvas, string[] row, double[] widths, int statusColumn, XFont? lastColumnFont)
    {
        var height = 12.0;
        for (var c = 0; c < widths.Length; c++)
        {
            if (c == statusColumn)
                continue;
            var font = Font(c, widths.Length, lastColumnFont);
            height = Math.Max(height, canvas.Wrap(row[c], font, widths[c] - 2 * Pad).Count * PdfStyle.LineHeight(font));
        }
        return height + 2 * Pad;
    }

    private static void Header(PdfCanvas canvas, IReadOnlyList<(string Header, double Share)> columns, double[] widths)
    {
        var height = PdfStyle.LineHeight(PdfStyle.SmallBold) + 2 * Pad;
        canvas.G.DrawRectangle(PdfStyle.HeaderFill, new XRect(canvas.Left, canvas.Y, canvas.Width, height));
        var x = canvas.Left;
        for (var c = 0; c < widths.Length; c++)
        {
            canvas.G.DrawString(columns[c].Header, PdfStyle.SmallBold, PdfStyle.MutedBrush, new XRect(x + Pad, canvas.Y + Pad, widths[c], height - 2 * Pad), XStringFormats.TopLeft);
            x += widths[c];
        }
        canvas.Y += height;
    }
}

/// <summary>One scorecard section as a table: item, value, status (chip and word) and the rule that gave the colour.</summary>
internal static class SectionTable
{
    private static readonly (string, double)[] Columns = [("Item", 0.2), ("Value", 0.33), ("Status", 0.1), ("Rule", 0.37)];

    public static void Draw(PdfCanvas canvas, ScorecardSection section)
    {
        // Items of one kind (a phase each) share a rule: it is printed once, not once per row.
        var rows = section.Items.Select((i, n) => new[] { i.Name, i.Value, i.Status.Label(), n > 0 && section.Items[n - 1].Rule == i.Rule ? "Same rule as above." : i.Rule })
            .ToList();
        Table.Draw(canvas, $"{section.Title} · {section.Status.Label()}", Columns, rows, section.Items.Select(i => i.Status).ToList(),
            "No items.", statusColumn: 2, lastColumnFont: PdfStyle.Rule);
    }
}
