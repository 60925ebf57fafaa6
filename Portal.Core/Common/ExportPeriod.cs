using System.Globalization;

namespace Portal.Core.Common;

/// <summary>
/// The whole UTC days an export of timestamped rows covers, both ends included (as the audit filter reads them). Bounded
/// so one request cannot ask a busy connection for a year of runs: anything wider is asked for month by month.
/// </summary>
public sealed record ExportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The widest period: a month of runs at one a minute is about 45,000 rows per connection.</summary>
    public const int MaxDays = 31;

    /// <summary>Without dates: the last 7 days up to today.</summary>
    public const int DefaultDays = 7;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public DateTimeOffset StartUtc => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Exclusive end: the start of the day after <see cref="To"/>.</summary>
    public DateTimeOffset EndUtc => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static Result<ExportPeriod> Create(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? (from is { } f ? Min(f.AddDays(DefaultDays - 1), today) : today);
        var start = from ?? end.AddDays(-(DefaultDays - 1));
        if (end < start)
            return Result<ExportPeriod>.Failure("to", $"The end date {Text(end)} is before the start date {Text(start)}.");
        var period = new ExportPeriod(start, end);
        if (period.Days > MaxDays)
            return Result<ExportPeriod>.Failure("to",
                $"The period covers {period.Days} days; an export covers at most {MaxDays}. Export a longer history month by month.");
        return Result<ExportPeriod>.Success(period);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
