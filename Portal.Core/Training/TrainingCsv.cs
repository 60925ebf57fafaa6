using System.Globalization;
using Portal.Core.Common;
using Portal.Core.Stakeholders;

namespace Portal.Core.Training;

/// <summary>A valid row of an LMS export: who, which course (by id), and the LMS's current enrolment and completion.</summary>
public sealed record TrainingCsvRow(int Line, string Email, int CourseId, DateOnly EnrolledOn, DateOnly? CompletedOn, decimal? Score);

/// <summary>Either every row of the file, or every error (then nothing is imported).</summary>
public sealed record TrainingCsvCheck(IReadOnlyList<TrainingCsvRow> Rows, IReadOnlyList<CsvRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The LMS export of enrolments and completions: one row per person and course. Pure: the service supplies the text,
/// the program's people and courses and today's date, and saves only when the whole file is valid.
/// </summary>
public static class TrainingCsv
{
    public const long MaxFileBytes = 16 * 1024 * 1024;
    public const int MaxRows = 100_000;
    public const int MaxReportedErrors = CsvSchema.MaxReportedErrors;
    public const string DateFormat = "yyyy-MM-dd";

    public const string Email = "email", CourseCode = "course_code", EnrolledDate = "enrolled_date", CompletedDate = "completed_date", Score = "score";

    public static readonly IReadOnlyList<string> Columns = [Email, CourseCode, EnrolledDate, CompletedDate, Score];
    public static readonly IReadOnlyList<string> RequiredColumns = [Email, CourseCode, EnrolledDate];

    public static CsvSchema Schema { get; } = new(Columns, RequiredColumns, MaxFileBytes, MaxRows);

    public static CsvRowError? CheckSize(long bytes) => Schema.CheckSize(bytes);

    /// <summary>
    /// Checks a whole file: header, each row (known person, known course, dates, score) and a person-course pair repeated
    /// in the file. <paramref name="people"/> are normalized emails; <paramref name="courses"/> maps normalized codes to ids.
    /// </summary>
    public static TrainingCsvCheck Check(string text, IReadOnlySet<string> people, IReadOnlyDictionary<string, int> courses, DateOnly today)
    {
        var sheet = Schema.Open(text);
        if (!sheet.IsReadable)
            return new TrainingCsvCheck([], sheet.Errors);

        var firstLine = new Dictionary<(int, string), int>();
        var rows = new List<TrainingCsvRow>(sheet.Rows.Count);
        var errors = new List<CsvRowError>();
        for (var r = 0; r < sheet.Rows.Count && errors.Count < MaxReportedErrors; r++)
        {
            var record = sheet.Rows[r];
            var row = CheckRow(record, sheet, people, courses, today, errors);
            if (row is null)
                continue;
            if (firstLine.TryGetValue((row.CourseId, row.Email), out var first))
                errors.Add(new CsvRowError(record.Line, CourseCode, $"'{row.Email}' and this course are already on line {first}; each person appears once per course."));
            else
                firstLine[(row.CourseId, row.Email)] = record.Line;
            rows.Add(row);
        }
        return errors.Count > 0 ? new TrainingCsvCheck([], errors.Take(MaxReportedErrors).ToList()) : new TrainingCsvCheck(rows, []);
    }

    public static string HeaderLine() => Schema.HeaderLine();

    public static string Line(string email, string courseCode, DateOnly enrolled, DateOnly? completed, decimal? score) =>
        string.Join(',', email, courseCode, enrolled.ToString(DateFormat, CultureInfo.InvariantCulture),
            completed?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "", score?.ToString("0.##", CultureInfo.InvariantCulture) ?? "") + "\r\n";

    private static TrainingCsvRow? CheckRow(CsvRecord record, CsvSheet sheet, IReadOnlySet<string> people,
        IReadOnlyDictionary<string, int> courses, DateOnly today, List<CsvRowError> errors)
    {
        if (sheet.CheckFieldCount(record) is { } misshapen)
        {
            errors.Add(misshapen);
            return null;
        }
        var before = errors.Count;
        string Get(string column) => sheet.Get(record, column);
        void Error(string column, string message) => errors.Add(new CsvRowError(record.Line, column, message));

        // Left to right in the documented column order, as the person fixing the file reads the row.
        var emailText = Get(Email);
        var email = StakeholderPerson.NormalizeEmail(emailText);
        if (email.Length == 0)
            Error(Email, "Email is required.");
        else if (!people.Contains(email))
            Error(Email, $"'{emailText}' is not a stakeholder or member of this program. Add them to the stakeholder map first.");

        var code = Get(CourseCode);
        var courseId = 0;
        if (code.Length == 0)
            Error(CourseCode, "Course code is required.");
        else if (!courses.TryGetValue(TrainingCourse.NormalizeCode(code), out courseId))
            Error(CourseCode, $"Unknown course code '{code}'. Add the course on the Training page first.");

        var enrolled = Date(Get(EnrolledDate), EnrolledDate, "Enrolled date", required: true, today, Error);
        var completed = Date(Get(CompletedDate), CompletedDate, "Completed date", required: false, today, Error);
        if (enrolled is { } e && completed is { } c && c < e)
            Error(CompletedDate, $"The completed date {c.ToString(DateFormat, CultureInfo.InvariantCulture)} is before the enrolled date {e.ToString(DateFormat, CultureInfo.InvariantCulture)}.");

        decimal? score = null;
        var scoreText = Get(Score);
        if (scoreText.Length > 0)
        {
            if (!decimal.TryParse(scoreText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) || s < TrainingRecord.MinScore || s > TrainingRecord.MaxScore || decimal.Round(s, 2) != s)
                Error(Score, $"Score must be a number from {TrainingRecord.MinScore} to {TrainingRecord.MaxScore} with at most two decimals (it is '{scoreText}').");
            else if (completed is null && Get(CompletedDate).Length == 0)
                Error(Score, "A score needs a completed date.");
            else
                score = s;
        }
        return errors.Count > before ? null : new TrainingCsvRow(record.Line, email, courseId, enrolled!.Value, completed, score);
    }

    private static DateOnly? Date(string text, string column, string label, bool required, DateOnly today, Action<string, string> error)
    {
        if (text.Length == 0)
        {
            if (required)
                error(column, $"{label} is required.");
            return null;
        }
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error(column, $"'{text}' is not a date; write it as {DateFormat}, e.g. 2026-03-31.");
            return null;
        }
        if (date > today)
        {
            error(column, $"{label} {text} is in the future; an LMS export records what already happened.");
            return null;
        }
        return date;
    }
}
