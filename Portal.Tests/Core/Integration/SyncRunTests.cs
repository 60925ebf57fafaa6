using Portal.Core.Integration;

namespace Portal.Tests.Core.Integration;

/// <summary>Checking a reported run: dates with offsets, order, counts, status, lengths, and what counts as the same content.</summary>
public sealed class SyncRunTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    internal static SyncRunReport Report(string runId = "run-1") => new(runId, "erp-ppm-actuals", "2027-03-01T08:00:00Z", "2027-03-01T10:01:30.1234567+02:00",
        "succeeded", 120, 118, 2, 1, 0, null, null, null);

    private static IEnumerable<string> Fields(SyncRunReport report) => SyncRun.Record(report, 7, Now).Errors.Select(e => e.Field);

    [Fact]
    public void A_good_report_is_stored_in_utc_to_the_microsecond()
    {
        var run = SyncRun.Record(Report(), 7, Now).Value;
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 8, 1, 30, TimeSpan.Zero).AddTicks(1234560), run.FinishedUtc);
        Assert.Equal((7, SyncRunStatus.Succeeded, 118L, TimeSpan.FromSeconds(90.123456)), (run.ConnectionId, run.Status, run.RecordsWritten, run.Duration));
    }

    [Theory]
    [InlineData("2027-03-01T08:00:00")] // no offset
    [InlineData("2027-03-01 08:00:00Z")]
    [InlineData("01/03/2027 08:00")]
    [InlineData("2027-02-30T08:00:00Z")]
    [InlineData("1999-12-31T23:59:59Z")]
    [InlineData("2027-03-01T09:05:01Z")] // beyond the 5-minute tolerance
    public void Bad_dates_are_refused_with_the_value(string startedAt)
    {
        var errors = SyncRun.Record(Report() with { StartedAt = startedAt }, 7, Now).Errors;
        Assert.Equal("startedAt", Assert.Single(errors).Field);
        Assert.Contains(startedAt, errors[0].Message);
    }

    [Fact]
    public void Finished_before_started_is_refused_and_equal_is_fine()
    {
        Assert.Equal(["finishedAt"], Fields(Report() with { FinishedAt = "2027-03-01T07:59:59Z" }));
        Assert.Empty(Fields(Report() with { FinishedAt = "2027-03-01T08:00:00Z" }));
    }

    [Fact]
    public void Counts_must_be_present_non_negative_and_sane()
    {
        var report = Report() with { RecordsRead = -1, RecordsWritten = null, RecordsFailed = SyncRun.MaxRecords + 1, Retries = SyncRun.MaxRetries + 1 };
        Assert.Equal(["recordsRead", "recordsWritten", "recordsFailed", "retries"], Fields(report));
        Assert.Empty(Fields(Report() with { RecordsRead = 0, DeadLettered = SyncRun.MaxRecords }));
    }

    [Fact]
    public void Status_ids_and_texts_are_checked_all_at_once()
    {
        var report = new SyncRunReport("", "Not A Key", null, null, "SUCCEEDED", 0, 0, 0, 0, 0, new string('e', 101), null, "");
        Assert.Equal(["runId", "connection", "startedAt", "finishedAt", "status", "errorCode"], Fields(report));
        Assert.Equal(["replayOf"], Fields(Report() with { ReplayOf = "run-1" }));
    }

    [Fact]
    public void The_same_content_ignores_the_receipt_time_and_the_offset_written()
    {
        var first = SyncRun.Record(Report(), 7, Now).Value;
        var again = SyncRun.Record(Report() with { FinishedAt = "2027-03-01T08:01:30.1234567Z" }, 7, Now.AddMinutes(3)).Value;
        var other = SyncRun.Record(Report() with { RecordsFailed = 3 }, 7, Now).Value;
        Assert.True(first.SameContentAs(again));
        Assert.False(first.SameContentAs(other));
    }
}
