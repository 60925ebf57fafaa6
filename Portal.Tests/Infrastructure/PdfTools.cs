using System.Diagnostics;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Reads produced PDFs back with poppler-utils (installed by scripts/test.sh): text, page count, and PNG renders into
/// artifacts/screenshots for a person to look at.
/// </summary>
public static class PdfTools
{
    public static bool Available => File.Exists("/usr/bin/pdftotext") || Which("pdftotext");

    public static async Task<string> TextAsync(byte[] pdf)
    {
        var path = await SaveAsync(pdf);
        return await RunAsync("pdftotext", $"-layout \"{path}\" -");
    }

    public static async Task<int> PageCountAsync(byte[] pdf)
    {
        var path = await SaveAsync(pdf);
        var info = await RunAsync("pdfinfo", $"\"{path}\"");
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim());
    }

    /// <summary>Renders the first <paramref name="pages"/> pages at 60 dpi as artifacts/screenshots/{name}-N.png.</summary>
    public static async Task RenderAsync(byte[] pdf, string name, int pages = 4)
    {
        var folder = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var path = await SaveAsync(pdf);
        await RunAsync("pdftoppm", $"-png -r 60 -f 1 -l {pages} \"{path}\" \"{Path.Combine(folder, name)}\"");
    }

    private static async Task<string> SaveAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), "portal-tests", $"report-{Guid.NewGuid():N}.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, pdf);
        return path;
    }

    private static async Task<string> RunAsync(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {arguments} failed ({process.ExitCode}): {await error}");
        return await output;
    }

    private static bool Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));
}

/// <summary>A test that reads PDFs with poppler-utils: skipped locally when they are missing, never under CI.</summary>
public sealed class PdfFactAttribute : FactAttribute
{
    public PdfFactAttribute()
    {
        if (!PdfTools.Available && !TestEnvironment.IsCi)
            Skip = "poppler-utils (pdftotext) not installed: scripts/test.sh installs it.";
    }
}
