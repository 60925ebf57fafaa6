using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Portal.Web.Features.Reports.Pdf;

/// <summary>
/// A flowing A4 document: a cursor that moves down the page, a new page (with the running header) when the next block does
/// not fit, word wrapping that never clips, and "Page n of m" footers written once the page count is known.
/// </summary>
internal sealed class PdfCanvas : IDisposable
{
    public const double A4Short = 595.28, A4Long = 841.89, Margin = 40;
    private const double FooterHeight = 26, HeaderHeight = 26;

    private readonly PdfDocument _document = new();
    private XGraphics? _graphics;
    private string _runningTitle = "";
    private bool _landscape;

    public PdfCanvas(string title, string footer)
    {
        _document.Info.Title = title;
        _document.Info.Creator = "Portal";
        _document.Options.CompressContentStreams = true;
        Footer = footer;
    }

    public string Footer { get; }
    public double Y { get; set; }
    public double Left => Margin;
    public double PageWidth => _landscape ? A4Long : A4Short;
    public double PageHeight => _landscape ? A4Short : A4Long;
    public double Right => PageWidth - Margin;
    public double Width => Right - Left;
    public double Bottom => PageHeight - Margin - FooterHeight;
    public XGraphics G => _graphics ?? throw new InvalidOperationException("Start a page first.");
    public int PageCount => _document.PageCount;

    /// <summary>Starts a page; landscape for wide tables (the portfolio summary), portrait otherwise.</summary>
    public void StartPage(string runningTitle, bool landscape = false)
    {
        _runningTitle = runningTitle;
        _landscape = landscape;
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = landscape ? PageOrientation.Landscape : PageOrientation.Portrait;
        _graphics = XGraphics.FromPdfPage(page);
        G.DrawString(Fit(_runningTitle, PdfStyle.Small, Width - 60), PdfStyle.Small, PdfStyle.MutedBrush, new XPoint(Left, Margin + 8));
        G.DrawString("Portal", PdfStyle.SmallBold, PdfStyle.MutedBrush, new XPoint(Right - G.MeasureString("Portal", PdfStyle.SmallBold).Width, Margin + 8));
        G.DrawLine(PdfStyle.RulePen, Left, Margin + 14, Right, Margin + 14);
        Y = Margin + HeaderHeight;
    }

    /// <summary>Starts a new page (same running title) unless <paramref name="height"/> still fits; true when it broke.</summary>
    public bool Ensure(double height)
    {
        if (Y + height <= Bottom)
            return false;
        StartPage(_runningTitle, _landscape);
        return true;
    }

    /// <summary>Draws wrapped text at the cursor (breaking pages between lines) and moves the cursor below it.</summary>
    public void Paragraph(string text, XFont font, XBrush brush, double indent = 0, double after = 4)
    {
        var lineHeight = PdfStyle.LineHeight(font);
        foreach (var line in Wrap(text, font, Width - indent))
        {
            Ensure(lineHeight);
            G.DrawString(line, font, brush, new XRect(Left + indent, Y, Width - indent, lineHeight), XStringFormats.TopLeft);
            Y += lineHeight;
        }
        Y += after;
    }

    /// <summary>Draws already-wrapped lines in a box without moving the cursor.</summary>
    public void Lines(IReadOnlyList<string> lines, XFont font, XBrush brush, double x, double y, double width)
    {
        var lineHeight = PdfStyle.LineHeight(font);
        for (var i = 0; i < lines.Count; i++)
            G.DrawString(lines[i], font, brush, new XRect(x, y + i * lineHeight, width, lineHeight), XStringFormats.TopLeft);
    }

    /// <summary>Greedy word wrap by measured width; a word longer than the line is broken inside, never cut off.</summary>
    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in (text ?? "").Replace("\r\n", "\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                    lines.Add(line);
                line = word;
                while (Measure(line, font) > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && Measure(line[..cut], font) > width)
                        cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    public double Measure(string text, XFont font) => G.MeasureString(text, font).Width;

    /// <summary>Shortens one line with an ellipsis; only for running headers, where the full text is on the page itself.</summary>
    public string Fit(string text, XFont font, double width)
    {
        if (Measure(text, font) <= width)
            return text;
        var cut = text.Length;
        while (cut > 1 && Measure(text[..cut] + "…", font) > width)
            cut--;
        return text[..cut] + "…";
    }

    /// <summary>Closes the last page, writes "Page n of m" on every page and returns the PDF's bytes.</summary>
    public byte[] Finish()
    {
        _graphics?.Dispose();
        _graphics = null;
        var total = _document.PageCount;
        for (var i = 0; i < total; i++)
        {
            var pdfPage = _document.Pages[i];
            using var g = XGraphics.FromPdfPage(pdfPage, XGraphicsPdfPageOptions.Append);
            var (width, height) = (g.PageSize.Width, g.PageSize.Height);
            var y = height - Margin - 6;
            g.DrawLine(PdfStyle.RulePen, Left, y - 12, width - Margin, y - 12);
            var page = $"Page {i + 1} of {total}";
            g.DrawString(page, PdfStyle.Small, PdfStyle.MutedBrush, new XPoint(width - Margin - g.MeasureString(page, PdfStyle.Small).Width, y));
            g.DrawString(Footer, PdfStyle.Small, PdfStyle.MutedBrush, new XPoint(Left, y));
        }
        using var stream = new MemoryStream();
        _document.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }
}
