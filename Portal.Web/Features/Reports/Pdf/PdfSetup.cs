using PdfSharp.Fonts;

namespace Portal.Web.Features.Reports.Pdf;

/// <summary>"Portal:Pdf": where a commercial PDFsharp licence file is, if the operator has one (ADR-024).</summary>
public sealed class PdfOptions
{
    public const string Section = "Portal:Pdf";

    /// <summary>Path of a PDFsharp commercial licence file; empty means PDFsharp runs under the AGPL-3.0.</summary>
    public string? LicenseFile { get; set; }
}

/// <summary>
/// PDFsharp's process-wide settings, applied once before the first document: the licence (PDFsharp 6.5 refuses to make a
/// document until one is set) and the font resolver (Linux has no font lookup in PDFsharp's core build).
/// </summary>
public static class PdfSetup
{
    private static readonly Lock Gate = new();
    private static bool _done;

    public static void EnsureInitialized(PdfOptions options)
    {
        if (Volatile.Read(ref _done))
            return;
        lock (Gate)
        {
            if (_done)
                return;
            if (!string.IsNullOrWhiteSpace(options.LicenseFile))
                PdfSharp.PdfSharpLicense.LoadLicense(options.LicenseFile);
            else
                PdfSharp.PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver ??= new DejaVuFontResolver();
            Volatile.Write(ref _done, true);
        }
    }
}

/// <summary>
/// Serves DejaVu Sans (regular and bold) from the assembly's embedded resources for every family PDFsharp asks for, so a
/// report looks the same on Linux and Windows and needs no system fonts. The fonts are embedded (subset) in each PDF.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans", Bold = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> RegularBytes = new(() => Load(Regular));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Load(Bold));

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Italic is simulated by PDFsharp; no oblique face is shipped because the reports never use one.
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        Bold => BoldBytes.Value,
        _ => RegularBytes.Value,
    };

    private static byte[] Load(string face)
    {
        var name = $"Portal.Web.Resources.Fonts.{face}.ttf";
        using var stream = typeof(DejaVuFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from Portal.Web.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
