using Portal.Core.Uat;

namespace Portal.Tests.Core.Uat;

/// <summary>The execution-results CSV: every bad row reported on its line and column, nothing accepted from a bad file.</summary>
public sealed class UatCsvTests
{
    private static readonly Dictionary<string, int> Scenarios = new() { ["FIN-014"] = 1, ["FIN-022"] = 2, ["TIME-003"] = 3 };
    private static readonly Dictionary<string, int> Cycles = new() { ["Pilot UAT"] = 10, ["SIT"] = 11 };
    private const string Header = "scenario_key,cycle,status,tester,executed_at,notes,defect\n";

    [Fact]
    public void A_valid_file_resolves_keys_and_cycles_and_reads_dates_as_utc()
    {
        var check = UatCsv.Check(Header +
            "fin-014,pilot uat,Passed,Ana Ruiz,2026-11-02T10:30:00+02:00,,\n" +
            "TIME-003,SIT,not run,,2026-11-03,\"waiting, on data\",\n", Scenarios, Cycles);

        Assert.True(check.IsValid);
        Assert.Equal([(2, 1, 10, UatStatus.Pass), (3, 3, 11, UatStatus.NotRun)], check.Rows.Select(r => (r.Line, r.ScenarioId, r.CycleId, r.Input.Status)));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero), check.Rows[0].Input.ExecutedAt);
        Assert.Equal("waiting, on data", check.Rows[1].Input.Notes);
    }

    [Fact]
    public void Unknown_key_bad_status_and_bad_date_are_reported_by_line_and_column_and_nothing_is_accepted()
    {
        var check = UatCsv.Check(Header +
            "FIN-014,Pilot UAT,Pass,Ana,2026-11-02,,\n" +
            "FIN-999,Pilot UAT,Pass,Ana,2026-11-02,,\n" +
            "FIN-022,Pilot UAT,Passt,Ana,02/11/2026,,\n" +
            "FIN-022,Regression,Fail,,2026-11-02,,\n", Scenarios, Cycles);

        Assert.False(check.IsValid);
        Assert.Empty(check.Rows);
        Assert.Equal([(3, "scenario_key"), (4, "status"), (4, "executed_at"), (5, "cycle"), (5, "tester")], check.Errors.Select(e => (e.Line, e.Column)));
        Assert.Equal("Line 3, column scenario_key: Unknown scenario key 'FIN-999'. Add the scenario on the UAT page first.", check.Errors[0].ToString());
        Assert.Equal("'Passt' is not a status. Use Pass, Fail, Blocked or Not run.", check.Errors[1].Message);
    }

    [Fact]
    public void Header_problems_and_the_same_run_twice_are_refused()
    {
        var header = UatCsv.Check("scenario_key,cycle,state\n", Scenarios, Cycles);
        var twice = UatCsv.Check(Header + "FIN-014,SIT,Pass,Ana,2026-11-02T10:00:00Z,,\nFIN-014,SIT,Fail,Ana,2026-11-02 10:00,,\n", Scenarios, Cycles);

        Assert.Equal([(1, "state"), (1, "status"), (1, "executed_at")], header.Errors.Select(e => (e.Line, e.Column)));
        Assert.Equal([(3, "executed_at")], twice.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Malformed_csv_and_wrong_field_counts_point_at_the_line()
    {
        Assert.Equal(3, Assert.Single(UatCsv.Check(Header + "FIN-014,SIT,Pass,Ana,2026-11-02,,\nFIN-022,SIT,Pass\n", Scenarios, Cycles).Errors).Line);
        Assert.Equal(2, Assert.Single(UatCsv.Check(Header + "FIN-014,SIT,Pass,Ana,2026-11-02,\"open,\n", Scenarios, Cycles).Errors).Line);
    }

    [Fact]
    public void An_exported_line_reads_back_as_the_same_run()
    {
        var at = new DateTimeOffset(2026, 11, 2, 10, 30, 15, TimeSpan.Zero);
        var text = UatCsv.HeaderLine() + UatCsv.Line("FIN-014", "SIT", UatStatus.Blocked, "Ana", at, "=SUM(A1)", "DEF-1");

        var row = Assert.Single(UatCsv.Check(text, Scenarios, Cycles).Rows);

        Assert.Equal(new UatExecutionInput(UatStatus.Blocked, "Ana", at, "=SUM(A1)", "DEF-1"), row.Input);
    }
}
