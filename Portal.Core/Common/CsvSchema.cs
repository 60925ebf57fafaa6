using System.Text;

namespace Portal.Core.Common;

/// <summary>
/// What every import file has in common, whatever it carries: named columns in any order (case and spaces forgiven),
/// some of them required, a size limit and a row limit, UTF-8 text. The checks here refuse a file as a whole before
/// any row is looked at; each import (stakeholders, training, UAT) declares its schema and checks its own rows.
/// </summary>
public sealed class CsvSchema(IReadOnlyList<string> columns, IReadOnlyList<string> requiredColumns, long maxFileBytes, int maxRows)
{
    /// <summary>Errors reported per file; a file this broken is better fixed at the source than read line by line here.</summary>
    public const int MaxReportedErrors = 200;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Every column, in the order exports write them.</summary>
    public IReadOnlyList<string> Columns { get; } = columns;

    public IReadOnlyList<string> RequiredColumns { get; } = requiredColumns;

    public long MaxFileBytes { get; } = maxFileBytes;

    public int MaxRows { get; } = maxRows;

    public string HeaderLine() => string.Join(',', Columns) + "\r\n";

    /// <summary>The size rule, checked before the file is read at all.</summary>
    public CsvRowError? CheckSize(long bytes) => bytes > MaxFileBytes
        ? new CsvRowError(0, "", $"The file is {bytes / 1024.0 / 1024.0:0.0} MB; the limit is {MaxFileBytes / 1024 / 1024} MB. Split it into smaller files.")
        : null;

    /// <summary>
    /// Reads an upload up to one byte over the limit, so an oversized file is refused without buffering all of it.
    /// <paramref name="onRead"/> hears the bytes read so far, for a progress indicator.
    /// </summary>
    public async Task<(byte[]? Bytes, CsvRowError? TooLarge)> ReadLimitedAsync(Stream stream, Action<long>? onRead, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[256 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes)
                return (null, CheckSize(buffer.Length));
            onRead?.Invoke(buffer.Length);
        }
        return (buffer.ToArray(), null);
    }

    /// <summary>The file's text, or why it cannot be imported (too large, or not UTF-8: a spreadsheet's legacy encoding would garble names).</summary>
    public (string? Text, CsvRowError? Error) Decode(byte[] file)
    {
        if (CheckSize(file.LongLength) is { } tooLarge)
            return (null, tooLarge);
        try
        {
            return (StrictUtf8.GetString(file), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, new CsvRowError(0, "", "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again."));
        }
    }

    /// <summary>Parses the text and its header line; the sheet carries the errors that make the whole file unreadable.</summary>
    public CsvSheet Open(string text)
    {
        var (records, syntax) = CsvText.Read(text);
        if (syntax is not null)
            return CsvSheet.Unreadable(new CsvRowError(syntax.Line, "", syntax.Message));
        if (records.Count == 0)
            return CsvSheet.Unreadable(new CsvRowError(1, "", $"The file is empty; the first line must name the columns ({string.Join(", ", RequiredColumns)} at least)."));
        if (records.Count - 1 > MaxRows)
            return CsvSheet.Unreadable(new CsvRowError(0, "", $"The file has {records.Count - 1:N0} rows; the limit is {MaxRows:N0}. Split it into smaller files."));

        var header = records[0];
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<CsvRowError>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant().Replace(' ', '_');
            if (name.Length == 0)
                errors.Add(new CsvRowError(header.Line, $"#{i + 1}", "A column has no name."));
            else if (!Columns.Contains(name))
                errors.Add(new CsvRowError(header.Line, name, $"Unknown column '{header.Fields[i].Trim()}'. Known columns: {string.Join(", ", Columns)}."));
            else if (!positions.TryAdd(name, i))
                errors.Add(new CsvRowError(header.Line, name, "The column appears twice."));
        }
        foreach (var required in RequiredColumns.Where(r => !positions.ContainsKey(r)))
            errors.Add(new CsvRowError(header.Line, required, $"The required column '{required}' is missing."));
        return errors.Count > 0 ? new CsvSheet([], positions, errors) : new CsvSheet(records.Skip(1).ToList(), positions, []);
    }
}

/// <summary>A parsed import file: its data rows (header excluded) and where each named column sits.</summary>
public sealed class CsvSheet(IReadOnlyList<CsvRecord> rows, IReadOnlyDictionary<string, int> columns, IReadOnlyList<CsvRowError> errors)
{
    public IReadOnlyList<CsvRecord> Rows { get; } = rows;

    /// <summary>Why the file cannot be imported as a whole; empty when its rows can be checked.</summary>
    public IReadOnlyList<CsvRowError> Errors { get; } = errors;

    public bool IsReadable => Errors.Count == 0;

    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The trimmed value of a column in a row; empty when the file has no such column.</summary>
    public string Get(CsvRecord record, string column) => columns.TryGetValue(column, out var i) ? record.Fields[i].Trim() : "";

    /// <summary>A row with more or fewer fields than the header is refused whole: its values cannot be trusted to sit in their columns.</summary>
    public CsvRowError? CheckFieldCount(CsvRecord record) => record.Fields.Count == columns.Count
        ? null
        : new CsvRowError(record.Line, "", $"The row has {record.Fields.Count} fields; the header has {columns.Count}.");

    internal static CsvSheet Unreadable(CsvRowError error) => new([], new Dictionary<string, int>(), [error]);
}
