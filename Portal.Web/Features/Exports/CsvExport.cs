using Portal.Core.Common;

namespace Portal.Web.Features.Exports;

/// <summary>
/// A register export ready to be written: its name (file name and URL segment), its header line and its lines, produced
/// lazily while the response is written. Services check membership before they hand one out (null means "not found"),
/// because once the body streams the status code is sent.
/// </summary>
public sealed record CsvExport(string Register, string Header, IAsyncEnumerable<string> Lines)
{
    /// <summary>What the file covers when it is not "everything as of today" (the runs' period), for its name.</summary>
    public string? Covers { get; init; }

    public static CsvExport Of(string register, IReadOnlyList<string> columns, IAsyncEnumerable<string> lines) =>
        new(register, string.Join(',', columns) + "\r\n", lines);

    /// <summary>An export built in memory by a feature that writes its import format (stakeholders, training, system of record).</summary>
    public static CsvExport FromText(string register, string text) => new(register, text, Empty());

    private static async IAsyncEnumerable<string> Empty()
    {
        await Task.CompletedTask;
        yield break;
    }
}
