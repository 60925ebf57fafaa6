using System.Globalization;
using Portal.Core.Common;

namespace Portal.Core.Reports;

/// <summary>
/// A member's standing order for a program's scorecard PDF once a week, on <see cref="Day"/>. The week a report belongs to
/// is identified by its due date (the latest <see cref="Day"/> on or before today), which is what makes generation
/// exactly-once: a report file carries the subscription and that date, and the pair is unique (ADR-024).
/// </summary>
public sealed class ReportSubscription
{
    private ReportSubscription() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public string UserId { get; private set; } = string.Empty;
    public DayOfWeek Day { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>The due date of the last week a report was made for; null until the first one.</summary>
    public DateOnly? LastDueDate { get; private set; }

    public static Result<ReportSubscription> Create(int programId, string userId, DayOfWeek? day, DateTimeOffset now)
    {
        if (Validate(day) is { } refused)
            return Result<ReportSubscription>.Failure(refused.Errors);
        return Result<ReportSubscription>.Success(new ReportSubscription
        {
            ProgramId = programId, UserId = userId, Day = day!.Value, CreatedUtc = now.ToUniversalTime(),
        });
    }

    public Result ChangeDay(DayOfWeek? day)
    {
        if (Validate(day) is { } refused)
            return refused;
        Day = day!.Value;
        return Result.Success();
    }

    /// <summary>
    /// The due date of the week that still needs a report on <paramref name="today"/>, or null when this week's is made
    /// or not due yet. After downtime only the latest missed week is made: a report shows the data as it is when it is
    /// generated, so back-dated copies for older weeks would all show today's figures under older dates.
    /// </summary>
    public DateOnly? DueOn(DateOnly today)
    {
        var due = today.AddDays(-(((int)today.DayOfWeek - (int)Day + 7) % 7));
        if (due < DateOnly.FromDateTime(CreatedUtc.UtcDateTime))
            return null; // subscribed after this week's day: the first report comes next week
        return LastDueDate is { } last && last >= due ? null : due;
    }

    public void MarkGenerated(DateOnly dueDate) => LastDueDate = dueDate;

    public string Describe() => $"Weekly on {Day} for program {ProgramId.ToString(CultureInfo.InvariantCulture)}";

    private static Result? Validate(DayOfWeek? day) =>
        day is { } d && Enum.IsDefined(d) ? null : Result.Failure(nameof(Day), "Choose the day of the week the report is made.");
}
