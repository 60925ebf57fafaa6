using System.Globalization;
using Portal.Core.Common;
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
    public const int MaxReportedErrors = CsvSchema.MaxReportedErrors;

    public const string ScenarioKey = "scenario_key", Cycle = "cycle", Status = "status", Tester = "tester", ExecutedAt = "executed_at",
        Notes = "notes", Defect = "defect";

    public static readonly IReadOnlyList<string> Columns = [ScenarioKey, Cycle, Status, Tester, ExecutedAt, Notes, Defect];
    public static readonly IReadOnlyList<string> RequiredColumns = [ScenarioKey, Cycle, Status, ExecutedAt];

    public static CsvSchema Schema { get; } = new(Columns, RequiredColumns, MaxFileBytes, MaxRows);

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

    public static CsvRowError? CheckSize(long bytes) => Schema.CheckSize(bytes);

    public static bool TryParseDate(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    /// <summary>
    /// Checks a whole file: structure, each row against the program's scenarios (by key) and cycles (by name), and runs
    /// repeated in the file. Every problem is reported (up to <see cref="MaxReportedErrors"/>) on its line and column.
    /// </summary>
    public static UatCsvCheck Check(string text, IReadOnlyDictionary<string, int> scenarioIdsByKey, IReadOnlyDictionary<string, int> cycleIdsByName)
    {
        var sheet = Schema.Open(text);
        if (!sheet.IsReadable)
            return new UatCsvCheck([], sheet.Errors);

        var scenarios = new Dictionary<string, int>(scenarioIdsByKey.Select(kv => KeyValuePair.Create(UatScenario.NormalizeKey(kv.Key), kv.Value)), StringComparer.Ordinal);
        var cycles = new Dictionary<string, int>(cycleIdsByName.Select(kv => KeyValuePair.Create(kv.Key.Trim(), kv.Value)), StringComparer.OrdinalIgnoreCase);
        var firstLine = new Dictionary<(int, int, DateTimeOffset), int>();
        var rows = new List<UatCsvRow>(sheet.Rows.Count);
        var errors = new List<CsvRowError>();
        foreach (var record in sheet.Rows)
        {
            if (errors.Count >= MaxReportedErrors)
                break;
            if (CheckRow(record, sheet, scenarios, cycles, errors) is not { } row)
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

    public static string HeaderLine() => Schema.HeaderLine();

    public static string Line(string scenarioKey, string cycle, UatStatus status, string tester, DateTimeOffset executedAt, string notes, string defect) =>
        string.Join(',', new[]
        {
            scenarioKey, cycle, status.DisplayName(), tester, executedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), notes, defect,
        }.Select(CsvText.Field)) + "\r\n";

    private static UatCsvRow? CheckRow(CsvRecord record, CsvSheet sheet, Dictionary<string, int> scenarios, Dictionary<string, int> cycles,
        List<CsvRowError> errors)
    {
        if (sheet.CheckFieldCount(record) is { } misshapen)
        {
            errors.Add(misshapen);
            return null;
        }
        var before = errors.Count;
        string Get(string column) => CsvText.Unguard(sheet.Get(record, column));
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
