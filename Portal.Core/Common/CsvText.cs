using System.Globalization;
using System.Text;

namespace Portal.Core.Common;

/// <summary>A CSV record with the physical line it starts on (the header is line 1), for error messages.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>One problem in an import file: the line (header = 1), the column (empty for the whole line) and what is wrong.</summary>
public sealed record CsvRowError(int Line, string Column, string Message)
{
    public override string ToString() => Column.Length == 0 ? $"Line {Line}: {Message}" : $"Line {Line}, column {Column}: {Message}";
}

/// <summary>Why a CSV text could not be read at all, and where.</summary>
public sealed record CsvSyntaxError(int Line, string Message);

/// <summary>
/// A strict RFC 4180 reader: comma separated, fields optionally in double quotes (a doubled quote inside is a
/// quote, line breaks allowed inside), CRLF or LF line ends. Anything else (a quote inside an unquoted field,
/// text after a closing quote, an unterminated quote) is reported with its line, because guessing what a
/// malformed file meant is how half-right data gets imported.
/// </summary>
public static class CsvText
{
    public static (IReadOnlyList<CsvRecord> Records, CsvSyntaxError? Error) Read(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; // a byte-order mark from spreadsheet exports

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                var quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        return (records, new CsvSyntaxError(quoteLine, "A quoted field is never closed (missing \")."));
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (text[i] == '\n') line++;
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    return (records, new CsvSyntaxError(line, "Unexpected text after a closing quote; quote the whole field."));
                continue;
            }
            if (c == '"')
                return (records, new CsvSyntaxError(line, "A quote inside an unquoted field; put the field in quotes and double the quote."));
            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
                continue;
            }
            if (c is '\r' or '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                fields.Add(field.ToString());
                field.Clear();
                AddUnlessBlank(records, recordLine, fields);
                fields = [];
                line++;
                recordLine = line;
                continue;
            }
            field.Append(c);
            i++;
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            AddUnlessBlank(records, recordLine, fields);
        }
        return (records, null);
    }

    /// <summary>
    /// One text field, quoted when needed. A leading = + - @ (or a tab or carriage return, which some spreadsheets skip before
    /// reading a formula) gets a quote mark so a spreadsheet shows text instead of running it (formula injection).
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return string.Empty;
        if (IsFormulaStart(value[0]))
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value != value.Trim() ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>Undoes <see cref="Field"/>'s formula guard, so an exported file imports back unchanged.</summary>
    public static string Unguard(string value) =>
        value.Length > 1 && value[0] == '\'' && IsFormulaStart(value[1]) ? value[1..] : value;

    /// <summary>
    /// One cell of an export by its type: text through <see cref="Field"/>; numbers invariant and unguarded (a negative amount
    /// must stay a number); instants as UTC ISO 8601 to the second; dates yyyy-MM-dd; booleans true/false; enums by name.
    /// </summary>
    public static string Cell(object? value) => value switch
    {
        null => string.Empty,
        string text => Field(text),
        DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Enum e => Field(e.ToString()),
        int or long or decimal or double => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        _ => Field(value.ToString()),
    };

    /// <summary>A record of cells, CRLF-terminated as RFC 4180 asks.</summary>
    public static string Line(params IEnumerable<object?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static void AddUnlessBlank(List<CsvRecord> records, int line, List<string> fields)
    {
        // Blank lines (often a trailing one) carry no record.
        if (fields.Count == 1 && fields[0].Length == 0)
            return;
        records.Add(new CsvRecord(line, fields));
    }
}
