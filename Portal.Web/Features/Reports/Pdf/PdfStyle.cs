using PdfSharp.Drawing;
using Portal.Core.Scorecards;

namespace Portal.Web.Features.Reports.Pdf;

/// <summary>The reports' fonts and colours: the page's status colours, dark enough to print and read in greyscale.</summary>
internal static class PdfStyle
{
    private const string Family = DejaVuFontResolver.Family;

    public static readonly XFont Title = new(Family, 20, XFontStyleEx.Bold);
    public static readonly XFont Heading = new(Family, 12.5, XFontStyleEx.Bold);
    public static readonly XFont Body = new(Family, 9);
    public static readonly XFont BodyBold = new(Family, 9, XFontStyleEx.Bold);
    public static readonly XFont Cell = new(Family, 8);
    public static readonly XFont CellBold = new(Family, 8, XFontStyleEx.Bold);
    public static readonly XFont Rule = new(Family, 6.8);
    public static readonly XFont Small = new(Family, 7.5);
    public static readonly XFont SmallBold = new(Family, 7.5, XFontStyleEx.Bold);
    public static readonly XFont Chip = new(Family, 7, XFontStyleEx.Bold);
    public static readonly XFont HeaderSmall = new(Family, 6.8, XFontStyleEx.Bold);

    public static readonly XBrush TextBrush = new XSolidBrush(XColor.FromArgb(0x1F, 0x29, 0x37));
    public static readonly XBrush MutedBrush = new XSolidBrush(XColor.FromArgb(0x5B, 0x64, 0x70));
    public static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(0xEE, 0xF1, 0xF5));
    public static readonly XBrush StripeFill = new XSolidBrush(XColor.FromArgb(0xF8, 0xF9, 0xFB));
    public static readonly XPen RulePen = new(XColor.FromArgb(0xD0, 0xD5, 0xDD), 0.6);
    public static readonly XPen GridPen = new(XColor.FromArgb(0xE3, 0xE7, 0xEC), 0.5);

    public static double LineHeight(XFont font) => font.Size * 1.32;

    public static XColor Color(ScoreStatus status) => status switch
    {
        ScoreStatus.Red => XColor.FromArgb(0xB4, 0x23, 0x18),
        ScoreStatus.Amber => XColor.FromArgb(0xE0, 0x8E, 0x0B),
        ScoreStatus.Green => XColor.FromArgb(0x1E, 0x7B, 0x3A),
        _ => XColor.FromArgb(0x9A, 0xA1, 0xAB),
    };

    /// <summary>Amber is light: its label is dark so it stays readable.</summary>
    public static XBrush ChipText(ScoreStatus status) => status == ScoreStatus.Amber ? TextBrush : XBrushes.White;

    /// <summary>A rounded colour chip with the status word in it, so colour is never the only signal.</summary>
    public static void DrawChip(PdfCanvas canvas, ScoreStatus status, double x, double y, double width = 46, string? text = null)
    {
        var rect = new XRect(x, y, width, 12);
        canvas.G.DrawRoundedRectangle(new XSolidBrush(Color(status)), rect, new XSize(5, 5));
        canvas.G.DrawString(text ?? status.Label(), Chip, ChipText(status), rect, XStringFormats.Center);
    }
}
