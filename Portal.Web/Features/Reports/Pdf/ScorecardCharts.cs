using System.Globalization;
using PdfSharp.Drawing;
using Portal.Core.Scorecards;

namespace Portal.Web.Features.Reports.Pdf;

/// <summary>Vector charts drawn from the scorecard's own items: nothing here is measured again.</summary>
internal static class ScorecardCharts
{
    private const double LabelWidth = 150, BarHeight = 11, RowGap = 5;
    private static readonly ScoreStatus[] Order = [ScoreStatus.Red, ScoreStatus.Amber, ScoreStatus.None, ScoreStatus.Green];

    /// <summary>One stacked bar per section: how many of its items are red, amber, without data and green.</summary>
    public static void StatusBySection(PdfCanvas canvas, Scorecard card)
    {
        var most = Math.Max(1, card.Sections.Max(s => s.Items.Count));
        canvas.Ensure(Height(card.Sections.Count) + 14);
        canvas.Paragraph("Items by status, per section", PdfStyle.Heading, PdfStyle.TextBrush, after: 4);
        var barWidth = canvas.Width - LabelWidth - 40;
        var unit = barWidth / most;
        foreach (var section in card.Sections)
        {
            Label(canvas, section.Title);
            var x = canvas.Left + LabelWidth;
            foreach (var status in Order)
            {
                var count = section.Items.Count(i => i.Status == status);
                if (count == 0)
                    continue;
                var rect = new XRect(x, canvas.Y, count * unit, BarHeight);
                canvas.G.DrawRectangle(XPens.White, new XSolidBrush(PdfStyle.Color(status)), rect);
                if (rect.Width >= 12)
                    canvas.G.DrawString(count.ToString(CultureInfo.InvariantCulture), PdfStyle.Chip, PdfStyle.ChipText(status), rect, XStringFormats.Center);
                x += rect.Width;
            }
            canvas.Y += BarHeight + RowGap;
        }
        Key(canvas);
    }

    /// <summary>Every item measured in percent, as a bar from 0 to 100% in its status colour, with the value printed.</summary>
    public static void Rates(PdfCanvas canvas, Scorecard card)
    {
        var rates = card.Items.Where(i => i.Number is >= 0 and <= 100 && i.Value.Contains('%')).ToList();
        if (rates.Count == 0)
            return;
        canvas.Ensure(Height(rates.Count) + 14);
        canvas.Paragraph("Rates in percent", PdfStyle.Heading, PdfStyle.TextBrush, after: 4);
        var barWidth = canvas.Width - LabelWidth - 40;
        foreach (var item in rates)
        {
            Label(canvas, item.Name);
            var left = canvas.Left + LabelWidth;
            canvas.G.DrawRectangle(PdfStyle.StripeFill, new XRect(left, canvas.Y, barWidth, BarHeight));
            foreach (var tick in new[] { 25, 50, 75 })
                canvas.G.DrawLine(PdfStyle.GridPen, left + barWidth * tick / 100, canvas.Y, left + barWidth * tick / 100, canvas.Y + BarHeight);
            var width = barWidth * (double)item.Number!.Value / 100;
            canvas.G.DrawRectangle(new XSolidBrush(PdfStyle.Color(item.Status)), new XRect(left, canvas.Y, width, BarHeight));
            canvas.G.DrawRectangle(PdfStyle.RulePen, new XRect(left, canvas.Y, barWidth, BarHeight));
            var text = item.Number.Value.ToString("0.#", CultureInfo.InvariantCulture) + "%";
            canvas.G.DrawString(text, PdfStyle.SmallBold, PdfStyle.TextBrush, new XRect(left + barWidth + 4, canvas.Y, 36, BarHeight), XStringFormats.CenterLeft);
            canvas.Y += BarHeight + RowGap;
        }
        canvas.Paragraph("Bar length is the value (0 to 100%); colour is the item's status by its rule in the tables below.", PdfStyle.Small, PdfStyle.MutedBrush, after: 10);
    }

    private static double Height(int rows) => PdfStyle.LineHeight(PdfStyle.Heading) + rows * (BarHeight + RowGap) + 24;

    private static void Label(PdfCanvas canvas, string text) =>
        canvas.G.DrawString(canvas.Fit(text, PdfStyle.Cell, LabelWidth - 8), PdfStyle.Cell, PdfStyle.TextBrush,
            new XRect(canvas.Left, canvas.Y, LabelWidth - 8, BarHeight), XStringFormats.CenterLeft);

    private static void Key(PdfCanvas canvas)
    {
        var x = canvas.Left + LabelWidth;
        foreach (var status in Order)
        {
            canvas.G.DrawRectangle(new XSolidBrush(PdfStyle.Color(status)), new XRect(x, canvas.Y + 2, 8, 8));
            canvas.G.DrawString(status.Label(), PdfStyle.Small, PdfStyle.MutedBrush, new XPoint(x + 11, canvas.Y + 9));
            x += 62;
        }
        canvas.Y += 24;
    }
}
