using Portal.Core.Common;

namespace Portal.Tests.Core.Common;

/// <summary>What every export writes (formula guard, quoting, typed cells) and the runs export's period rule.</summary>
public sealed class CsvExportRulesTests
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+49 30 1234", "'+49 30 1234")]
    [InlineData("-12", "'-12")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void A_text_cell_is_guarded_against_formulas_and_quoted_when_needed(string value, string written) =>
        Assert.Equal(written, CsvText.Field(value));

    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("\tcmd")]
    [InlineData("-12")]
    public void A_guarded_cell_reads_back_unchanged(string value)
    {
        var (records, error) = CsvText.Read(CsvText.Line(value, "x"));

        Assert.Null(error);
        Assert.Equal(value, CsvText.Unguard(records[0].Fields[0]));
    }

    [Fact]
    public void Typed_cells_are_invariant_and_numbers_stay_numbers()
    {
        var line = CsvText.Line(-3.5m, 42, 7L, null, true, new DateOnly(2026, 3, 1),
            new DateTimeOffset(2026, 3, 1, 10, 15, 30, TimeSpan.FromHours(2)), DayOfWeek.Monday, "=x");

        Assert.Equal("-3.5,42,7,,true,2026-03-01,2026-03-01T08:15:30Z,Monday,'=x\r\n", line);
    }

    private static readonly DateOnly Today = new(2026, 3, 20);

    [Fact]
    public void Without_dates_the_period_is_the_last_seven_days_up_to_today()
    {
        var period = ExportPeriod.Create(null, null, Today).Value;

        Assert.Equal(new ExportPeriod(new(2026, 3, 14), Today), period);
        Assert.Equal(new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.Zero), period.EndUtc);
    }

    [Fact]
    public void A_start_alone_covers_seven_days_from_it_but_not_past_today()
    {
        Assert.Equal(new(2026, 3, 7), ExportPeriod.Create(new(2026, 3, 1), null, Today).Value.To);
        Assert.Equal(Today, ExportPeriod.Create(new(2026, 3, 18), null, Today).Value.To);
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-31", true)]  // 31 days: the limit
    [InlineData("2026-03-01", "2026-04-01", false)] // 32 days
    [InlineData("2026-03-05", "2026-03-05", true)]  // one day
    [InlineData("2026-03-05", "2026-03-04", false)] // end before start
    public void A_period_is_one_to_thirty_one_whole_days(string from, string to, bool valid)
    {
        var result = ExportPeriod.Create(DateOnly.Parse(from), DateOnly.Parse(to), Today);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
            Assert.Equal("to", Assert.Single(result.Errors).Field);
    }
}
