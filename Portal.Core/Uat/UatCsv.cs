using System.Globalization;
using Portal.Core.Stakeholders;

namespace Portal.Core.Uat;

/// <summary>A valid row of an execution-results file, resolved to the program's scenario and cycle.</summary>
public sealed record UatCsvRow(int Line, int ScenarioId, int CycleId, UatExecutionInput Input);

public sealed record UatCsvCheck(IReadOnlyList<UatCsvRow> Rows, IReadOnlyList<CsvRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The execution-results CSV a test tool exports: one row per run of a scenario in a cycle. Pure: the service supplies
/// the text and the program's scenario keys and cycle names, and saves only when the whole file is valid.
/// </summary>
public static class UatCsv
{
    public const long MaxFileBytes = 16 * 1024 * 1024;
    public const int MaxRows = 100_000;
    public const int MaxReportedErrors = 200;

    public const string ScenarioKey = "scenario_key", Cycle = "cycle", Status = "status", Tester = "tester", ExecutedAt = "executed_at",
        Notes = "notes", Defect = "defect";

    public static readonly IReadOnlyList<string> Columns = [ScenarioKey, Cycle, Status, Tester, ExecutedAt, Notes, Defect];
    public static readonly IReadOnlyList<string> RequiredColumns = [ScenarioKey, Cycle, Status, ExecutedAt];

    /// <summary>Dates as test tools write them; without an offset the time is UTC, without a time it is midnight UTC.</summary>
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        [nameof(UatExecution.Status)] = Status, [nameof(UatExecution.Tester)] = Tester, [nameof(UatExecution.Notes)] = Notes,
        [nameof(UatExecution.DefectReference)] = Defect,
    };

    public static CsvRowError? CheckSize(long bytes) => bytes > MaxFileBytes
        ? new CsvRowError(0, "", $"The file is {bytes / 1024.0 / 1024.0:0.0} MB; the limit is {MaxFileBytes / 1024 / 1024} MB. Split it into smaller files.")
        : null;

    public static bool TryParseDate(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    /// <summary>
    /// Checks a whole file: structure, each row against the program's scenarios (by key) and cycles (by name), and runs
    /// repeated in the file. Every problem is reported (up to <see cref="MaxReportedErrors"/>) on its line and column.
    /// </summary>
    public static UatCsvCheck Check(string text, IReadOnlyDictionary<string, int> scenarioIdsByKey, IReadOnlyDictionary<string, int> cycleIdsByName)
    {
        var (records, syntax) = CsvText.Read(text);
        if (syntax is not null)
            return Fail(new CsvRowError(syntax.Line, "", syntax.Message));
        if (records.Count == 0)
            return Fail(new CsvRowError(1, "", $"The file is empty; the first line must name the columns ({string.Join(", ", RequiredColumns)} at least)."));
        if (records.Count - 1 > MaxRows)
            return Fail(new CsvRowError(0, "", $"The file has {records.Count - 1:N0} rows; the limit is {MaxRows:N0}. Split it into smaller files."));
        var (columns, headerErrors) = ReadHeader(records[0]);
        if (headerErrors.Count > 0)
            return new UatCsvCheck([], headerErrors);

        var scenarios = new Dictionary<string, int>(scenarioIdsByKey.Select(kv => KeyValuePair.Create(UatScenario.NormalizeKey(kv.Key), kv.Value)), StringComparer.Ordinal);
        var cycles = new Dictionary<string, int>(cycleIdsByName.Select(kv => KeyValuePair.Create(kv.Key.Trim(), kv.Value)), StringComparer.OrdinalIgnoreCase);
        var firstLine = new Dictionary<(int, int, DateTimeOffset), int>();
        var rows = new List<UatCsvRow>(records.Count - 1);
        var errors = new List<CsvRowError>();
        foreach (var record in records.Skip(1))
        {
            if (errors.Count >= MaxReportedErrors)
                break;
            if (CheckRow(record, columns, scenarios, cycles, errors) is not { } row)
                continue;
            var run = (row.ScenarioId, row.CycleId, row.Input.ExecutedAt);
            if (firstLine.TryGetValue(run, out var first))
                errors.Add(new CsvRowError(record.Line, ExecutedAt, $"Line {first} already has this scenario in this cycle at the same time; a run appears once."));
            else
                firstLine[run] = record.Line;
            rows.Add(row);
        }
        return errors.Count > 0 ? new UatCsvCheck([], errors.Take(MaxReportedErrors).ToList()) : new UatCsvCheck(rows, []);
    }

    public static string HeaderLine() => string.Join(',', Columns) + "\r\n";

    public static string Line(string scenarioKey, string cycle, UatStatus status, string tester, DateTimeOffset executedAt, string notes, string defect) =>
        string.Join(',', new[]
        {
            scenarioKey, cycle, status.DisplayName(), tester, executedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), notes, defect,
        }.Select(CsvText.Field)) + "\r\n";

    private static UatCsvCheck Fail(CsvRowError error) => new([], [error]);

    private static (Dictionary<string, int> Columns, List<CsvRowError> Errors) ReadHeader(CsvRecord header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<CsvRowError>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant().Replace(' ', '_');
            if (name.Length == 0)
                errors.Add(new CsvRowError(header.Line, $"#{i + 1}", "A column has no name."));
            else if (!Columns.Contains(name))
                errors.Add(new CsvRowError(header.Line, name, $"Unknown column '{header.Fields[i].Trim()}'. Known columns: {string.Join(", ", Columns)}."));
            else if (!columns.TryAdd(name, i))
                errors.Add(new CsvRowError(header.Line, name, "The column appears twice."));
        }
        foreach (var required in RequiredColumns.Where(r => !columns.ContainsKey(r)))
            errors.Add(new CsvRowError(header.Line, required, $"The required column '{required}' is missing."));
        return (columns, errors);
    }

    private static UatCsvRow? CheckRow(CsvRecord record, Dictionary<string, int> columns, Dictionary<string, int> scenarios, Dictionary<string, int> cycles,
        List<CsvRowError> errors)
    {
        if (record.Fields.Count != columns.Count)
        {
            errors.Add(new CsvRowError(record.Line, "", $"The row has {record.Fields.Count} fields; the header has {columns.Count}."));
            return null;
        }
        var before = errors.Count;
        string Get(string column) => columns.TryGetValue(column, out var i) ? CsvText.Unguard(record.Fields[i].Trim()) : "";
        void Error(string column, string message) => errors.Add(new CsvRowError(record.Line, column, message));

        var key = UatScenario.NormalizeKey(Get(ScenarioKey));
        var scenarioId = 0;
        if (key.Length == 0)
            Error(ScenarioKey, "The scenario key is required.");
        else if (!scenarios.TryGetValue(key, out scenarioId))
            Error(ScenarioKey, $"Unknown scenario key '{key}'. Add the scenario on the UAT page first.");
        var cycleName = Get(Cycle);
        var cycleId = 0;
        if (cycleName.Length == 0)
            Error(Cycle, "The cycle is required.");
        else if (!cycles.TryGetValue(cycleName, out cycleId))
            Error(Cycle, $"Unknown cycle '{cycleName}'. Use one of: {string.Join(", ", cycles.Keys.Order(StringComparer.OrdinalIgnoreCase))}.");
        var statusText = Get(Status);
        var status = UatNames.ParseStatus(statusText);
        if (status is null)
            Error(Status, statusText.Length == 0 ? "The status is required (Pass, Fail, Blocked or Not run)." : $"'{statusText}' is not a status. Use Pass, Fail, Blocked or Not run.");
        var dateText = Get(ExecutedAt);
        DateTimeOffset at = default;
        if (dateText.Length == 0)
            Error(ExecutedAt, "The execution date is required.");
        else if (!TryParseDate(dateText, out at))
            Error(ExecutedAt, $"'{dateText}' is not a date. Write it as 2026-03-14 or 2026-03-14T09:30:00Z.");

        var input = new UatExecutionInput(status ?? UatStatus.NotRun, Get(Tester), at, Get(Notes), Get(Defect));
        if (status is not null)
            foreach (var e in UatExecution.Validate(input))
                Error(ColumnOfField[e.Field], e.Message);
        if (errors.Count > before)
        {
            // Left to right, as the person fixing the file reads the row.
            var mine = errors.Skip(before).OrderBy(e => Columns.ToList().IndexOf(e.Column)).ToList();
            errors.RemoveRange(before, mine.Count);
            errors.AddRange(mine);
            return null;
        }
        return new UatCsvRow(record.Line, scenarioId, cycleId, input with { ExecutedAt = UatExecution.Truncate(at) });
    }
}
