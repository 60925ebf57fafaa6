using System.Globalization;
using Portal.Core.Common;
using System.Text;

namespace Portal.Core.Stakeholders;

/// <summary>A valid row of an import file: a person's details and, when the assessment columns are filled, their own assessment.</summary>
public sealed record StakeholderCsvRow(int Line, string Email, string Name, string Title, string Group, string ProcessArea, AssessmentInput? Assessment);

/// <summary>The outcome of checking a whole file: either rows to import, or every error (then nothing is imported).</summary>
public sealed record StakeholderCsvCheck(IReadOnlyList<StakeholderCsvRow> Rows, IReadOnlyList<CsvRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The people-and-assessments CSV: its columns, its limits and its row rules. Pure: the service supplies the
/// text and the program's group names, and saves only when the whole file is valid.
/// </summary>
public static class StakeholderCsv
{
    public const long MaxFileBytes = 2 * 1024 * 1024;
    public const int MaxRows = 10_000;

    /// <summary>Errors reported per file; a file this broken is better fixed at the source than read line by line here.</summary>
    public const int MaxReportedErrors = CsvSchema.MaxReportedErrors;

    public const string Email = "email", Name = "name", Title = "title", Group = "group", ProcessArea = "process_area",
        Influence = "influence", Impact = "impact", CurrentSupport = "current_support", TargetSupport = "target_support",
        ResistanceType = "resistance_type", Gains = "gains", GainsNote = "gains_note", Losses = "losses", LossesNote = "losses_note",
        EarlyAdopter = "early_adopter", Notes = "notes";

    /// <summary>Every column, in the order exports write them. Imports accept them in any order; only the first four are required.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        Email, Name, Title, Group, ProcessArea, Influence, Impact, CurrentSupport, TargetSupport,
        ResistanceType, Gains, GainsNote, Losses, LossesNote, EarlyAdopter, Notes,
    ];

    public static readonly IReadOnlyList<string> RequiredColumns = [Email, Name, Group];

    public static CsvSchema Schema { get; } = new(Columns, RequiredColumns, MaxFileBytes, MaxRows);

    private static readonly string[] AssessmentColumns = Columns.Skip(5).ToArray();

    /// <summary>Which CSV column a Core field error belongs to.</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        [nameof(StakeholderPerson.Email)] = Email, [nameof(StakeholderPerson.Name)] = Name, [nameof(StakeholderPerson.Title)] = Title,
        [nameof(StakeholderPerson.ProcessArea)] = ProcessArea, [nameof(Assessment.Influence)] = Influence, [nameof(Assessment.Impact)] = Impact,
        [nameof(Assessment.CurrentSupport)] = CurrentSupport, [nameof(Assessment.TargetSupport)] = TargetSupport,
        [nameof(Assessment.ResistanceType)] = ResistanceType, [nameof(Assessment.Gains)] = Gains, [nameof(Assessment.GainsNote)] = GainsNote,
        [nameof(Assessment.Losses)] = Losses, [nameof(Assessment.LossesNote)] = LossesNote, [nameof(Assessment.Notes)] = Notes,
    };

    /// <summary>The size rule, checked before the file is read at all.</summary>
    public static CsvRowError? CheckSize(long bytes) => Schema.CheckSize(bytes);

    /// <summary>
    /// Checks a whole file against the program's groups: structure, each row's values, and emails repeated in the file.
    /// Every problem is reported (up to <see cref="MaxReportedErrors"/>), each on its line and column.
    /// </summary>
    public static StakeholderCsvCheck Check(string text, IEnumerable<string> groupNames)
    {
        var sheet = Schema.Open(text);
        if (!sheet.IsReadable)
            return new StakeholderCsvCheck([], sheet.Errors);

        var groups = groupNames.ToDictionary(g => g.Trim(), g => g, StringComparer.OrdinalIgnoreCase);
        var firstLineOfEmail = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<StakeholderCsvRow>();
        var errors = new List<CsvRowError>();
        foreach (var record in sheet.Rows)
        {
            if (errors.Count >= MaxReportedErrors)
                break;
            var row = CheckRow(record, sheet, groups, errors);
            if (row is null)
                continue;
            if (firstLineOfEmail.TryGetValue(row.Email, out var first))
                errors.Add(new CsvRowError(record.Line, Email, $"'{row.Email}' is already on line {first}; each person appears once."));
            else
                firstLineOfEmail[row.Email] = record.Line;
            rows.Add(row);
        }
        return errors.Count > 0 ? new StakeholderCsvCheck([], errors.Take(MaxReportedErrors).ToList()) : new StakeholderCsvCheck(rows, []);
    }

    public static string HeaderLine() => Schema.HeaderLine();

    /// <summary>A person as an export line; the assessment columns stay empty when they inherit their group's.</summary>
    public static string Line(string email, string name, string title, string group, string processArea, Assessment? own)
    {
        var values = new List<string?> { email, name, title, group, processArea };
        if (own is null)
            values.AddRange(AssessmentColumns.Select(_ => (string?)null));
        else
            values.AddRange(
            [
                own.Influence.ToString(CultureInfo.InvariantCulture), own.Impact.ToString(CultureInfo.InvariantCulture),
                own.CurrentSupport.DisplayName(), own.TargetSupport.DisplayName(), own.ResistanceType?.DisplayName(),
                TagText(own.Gains), own.GainsNote, TagText(own.Losses), own.LossesNote, own.IsEarlyAdopter ? "yes" : "no", own.Notes,
            ]);
        return string.Join(',', values.Select(CsvText.Field)) + "\r\n";
    }

    private static StakeholderCsvRow? CheckRow(CsvRecord record, CsvSheet sheet, Dictionary<string, string> groups, List<CsvRowError> errors)
    {
        if (sheet.CheckFieldCount(record) is { } misshapen)
        {
            errors.Add(misshapen);
            return null;
        }
        var rowErrors = new List<CsvRowError>();
        string Get(string column) => CsvText.Unguard(sheet.Get(record, column));
        void Error(string column, string message) => rowErrors.Add(new CsvRowError(record.Line, column, message));

        var email = Get(Email);
        foreach (var e in StakeholderPerson.ValidateDetails(Get(Name), Get(Title), email, Get(ProcessArea)))
            Error(ColumnOfField[e.Field], e.Message);
        var groupText = Get(Group);
        string? group = null;
        if (groupText.Length == 0)
            Error(Group, "Group is required.");
        else if (!groups.TryGetValue(groupText, out group))
            Error(Group, $"Unknown group '{groupText}'. Add the group on the page first, or use one of: {string.Join(", ", groups.Values.Order(StringComparer.OrdinalIgnoreCase))}.");

        AssessmentInput? assessment = null;
        if (AssessmentColumns.Any(c => Get(c).Length > 0))
            assessment = ReadAssessment(Get, Error);

        // Left to right, as the person fixing the file reads the row.
        errors.AddRange(rowErrors.OrderBy(e => e.Column.Length == 0 ? -1 : IndexOf(e.Column)));
        return rowErrors.Count > 0
            ? null
            : new StakeholderCsvRow(record.Line, StakeholderPerson.NormalizeEmail(email), Get(Name), Get(Title), group!, Get(ProcessArea), assessment);
    }

    private static int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i] == column)
                return i;
        return Columns.Count;
    }

    private static AssessmentInput? ReadAssessment(Func<string, string> get, Action<string, string> error)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        void Fail(string column, string message) { error(column, message); failed.Add(column); }
        int Score(string column, string label)
        {
            var text = get(column);
            if (text.Length == 0) { Fail(column, $"{label} is required when the row has an assessment."); return 0; }
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
            Fail(column, $"{label} must be a whole number from {Assessment.MinScore} to {Assessment.MaxScore} (it is '{text}')."); return 0;
        }
        T? Choice<T>(string column, string label, bool required) where T : struct, Enum
        {
            var text = get(column);
            if (text.Length == 0)
            {
                if (required) Fail(column, $"{label} is required when the row has an assessment.");
                return null;
            }
            if (TryParseName<T>(text, out var value)) return value;
            Fail(column, $"'{text}' is not a {label.ToLowerInvariant()}. Use one of: {string.Join(", ", Enum.GetValues<T>().Select(NameOf))}.");
            return null;
        }
        GainLossTags Tags(string column)
        {
            var tags = GainLossTags.None;
            foreach (var part in get(column).Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var tag = StakeholderNames.Tags.FirstOrDefault(t => Same(part, t.ToString()) || Same(part, t.DisplayName()));
                if (tag == GainLossTags.None) Fail(column, $"Unknown tag '{part}'. Use tags separated by ';' from: {string.Join(", ", StakeholderNames.Tags.Select(t => t.DisplayName()))}.");
                tags |= tag;
            }
            return tags;
        }
        bool? Flag(string column)
        {
            var text = get(column).ToLowerInvariant();
            if (text is "" or "no" or "n" or "false" or "0") return false;
            if (text is "yes" or "y" or "true" or "1") return true;
            Fail(column, $"'{get(column)}' is not yes or no."); return null;
        }

        var input = new AssessmentInput(Score(Influence, "Influence"), Score(Impact, "Impact"),
            Choice<SupportLevel>(CurrentSupport, "Current support", true) ?? default,
            Choice<SupportLevel>(TargetSupport, "Target support", true) ?? default,
            Choice<ResistanceType>(ResistanceType, "Resistance type", false),
            Tags(Gains), get(GainsNote), Tags(Losses), get(LossesNote), Flag(EarlyAdopter) ?? false, get(Notes));
        // The Core rules (ranges, lengths) for every column that parsed; a column that did not parse has its message already.
        var problems = Assessment.Validate(input).Where(p => !failed.Contains(ColumnOfField[p.Field])).ToList();
        foreach (var p in problems)
            error(ColumnOfField[p.Field], p.Message);
        return failed.Count == 0 && problems.Count == 0 ? input : null;
    }

    private static string NameOf<T>(T value) where T : struct, Enum => value switch
    {
        SupportLevel s => s.DisplayName(),
        ResistanceType r => r.DisplayName(),
        _ => value.ToString(),
    };

    private static bool TryParseName<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
            if (Same(text, candidate.ToString()) || Same(text, NameOf(candidate)))
            {
                value = candidate;
                return true;
            }
        value = default;
        return false;
    }

    /// <summary>"Strong resistance", "strong_resistance" and "StrongResistance" all name the same value.</summary>
    private static bool Same(string a, string b) => Squash(a) == Squash(b);

    private static string Squash(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static string TagText(GainLossTags tags) => string.Join(";", StakeholderNames.Tags.Where(t => tags.HasFlag(t)).Select(t => t.DisplayName()));
}
