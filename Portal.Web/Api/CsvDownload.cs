using System.Text;
using Portal.Web.Features.Exports;

namespace Portal.Web.Api;

/// <summary>
/// The one place an export becomes an HTTP download (ADR-025): UTF-8 without a byte-order mark, text/csv, a file name with
/// the register, the program and the date, and the body streamed line by line so a large register never sits in memory.
/// </summary>
public static class CsvDownload
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>e.g. <c>workarounds-program-12-20261122.csv</c>, or with the period a runs export covers instead of the date.</summary>
    public static string FileName(CsvExport export, int programId, DateTimeOffset now) =>
        $"{export.Register}-program-{programId}-{export.Covers ?? now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}.csv";

    public static IResult For(CsvExport? export, int programId, TimeProvider clock) => export is null
        ? PortalApi.ProgramNotFound(programId)
        : Stream(export.Header, export.Lines, FileName(export, programId, clock.GetUtcNow()));

    public static IResult Stream(string header, IAsyncEnumerable<string> lines, string fileName) =>
        TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024);
            await writer.WriteAsync(header);
            await foreach (var line in lines)
                await writer.WriteAsync(line);
        }, ContentType, fileName);
}
