using Portal.Core.Integration;

namespace Portal.Tests.Core.Integration;

/// <summary>Checking a reported reconciliation exception: required texts, amount bounds, currency codes that go with an amount.</summary>
public sealed class ReconciliationExceptionTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static ReconciliationExceptionReport Report() => new("x-1", "po-commitments", "2027-03-01T08:30:00+01:00", "Purchase order", "PO-4711",
        "12,500.00", "12,000.00", -500.25m, "EUR");

    private static IEnumerable<string> Fields(ReconciliationExceptionReport report) =>
        ReconciliationException.Record(report, 3, Now).Errors.Select(e => e.Field);

    [Fact]
    public void A_good_report_is_kept_in_utc()
    {
        var recorded = ReconciliationException.Record(Report(), 3, Now).Value;
        Assert.Equal((new DateTimeOffset(2027, 3, 1, 7, 30, 0, TimeSpan.Zero), -500.25m, "EUR"), (recorded.DetectedUtc, recorded.AmountDelta, recorded.Currency));
    }

    [Fact]
    public void Missing_texts_bad_amounts_and_currencies_are_all_named()
    {
        Assert.Equal(["exceptionId", "detectedAt", "objectType", "objectKey", "amountDelta", "currency"],
            Fields(Report() with { ExceptionId = null, DetectedAt = "yesterday", ObjectType = " ", ObjectKey = null, AmountDelta = 0.00001m, Currency = "eur" }));
        Assert.Equal(["amountDelta"], Fields(Report() with { AmountDelta = ReconciliationException.MaxAmount + 1 }));
        Assert.Equal(["currency"], Fields(Report() with { AmountDelta = null }));
        Assert.Empty(Fields(Report() with { AmountDelta = null, Currency = null, SourceValue = null }));
    }
}
