using Portal.Core.Stakeholders;

namespace Portal.Tests.Core.Stakeholders;

public sealed class StakeholderCsvTests
{
    private static readonly string[] Groups = ["Financial analysts", "Capital Projects PMs"];
    private const string Header = "email,name,title,group,process_area,influence,impact,current_support,target_support,resistance_type,gains,gains_note,losses,losses_note,early_adopter,notes";

    private static string File(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    [Fact]
    public void A_valid_file_yields_its_rows_with_names_matched_loosely()
    {
        var check = StakeholderCsv.Check(File(
            "Ana.Ruiz@Example.com,Ana Ruiz,Analyst,financial analysts,Invoices,,,,,,,,,,,",
            "tom@example.com,\"Gallagher, Tom\",PM,Capital Projects PMs,Purchase orders,4,5,strong_resistance,Supportive,PM workload,visibility;job security,\"Sees \"\"real\"\" spend\",workload,,yes,\"Line one\nline two\""), Groups);

        Assert.True(check.IsValid, string.Join("; ", check.Errors));
        var (ana, tom) = (check.Rows[0], check.Rows[1]);
        Assert.Equal(("ana.ruiz@example.com", "Financial analysts", 2, null), (ana.Email, ana.Group, ana.Line, ana.Assessment));
        Assert.Equal(("Gallagher, Tom", 3), (tom.Name, tom.Line));
        Assert.Equal(new AssessmentInput(4, 5, SupportLevel.StrongResistance, SupportLevel.Supportive, ResistanceType.PmWorkload,
            GainLossTags.Visibility | GainLossTags.JobSecurity, "Sees \"real\" spend", GainLossTags.Workload, "", true, "Line one\nline two"), tom.Assessment);
    }

    [Fact]
    public void Every_bad_row_is_reported_by_line_and_column()
    {
        var check = StakeholderCsv.Check(File(
            "ok@example.com,Ok Person,,Financial analysts,,,,,,,,,,,,",
            "bad@example.com,Bad Scores,,Financial analysts,,7,x,Neutral,Supportive,,,,,,,",
            "nobody@example.com,No Group,,Procurement,,,,,,,,,,,,",
            "OK@example.com,Duplicate,,Financial analysts,,,,,,,,,,,,",
            "half@example.com,Half,,Financial analysts,,3,,Hostile,,Sabotage,speed,,,,maybe,",
            "not-an-email,,,Financial analysts,,,,,,,,,,,,"), Groups);

        Assert.False(check.IsValid);
        Assert.Empty(check.Rows);
        Assert.Equal(
        [
            "Line 3, column influence: Influence must be from 1 to 5 (it is 7).",
            "Line 3, column impact: Impact must be a whole number from 1 to 5 (it is 'x').",
            "Line 4, column group: Unknown group 'Procurement'. Add the group on the page first, or use one of: Capital Projects PMs, Financial analysts.",
            "Line 5, column email: 'ok@example.com' is already on line 2; each person appears once.",
            "Line 6, column impact: Impact is required when the row has an assessment.",
            "Line 6, column current_support: 'Hostile' is not a current support. Use one of: Strong resistance, Resistant, Neutral, Supportive, Champion.",
            "Line 6, column target_support: Target support is required when the row has an assessment.",
            "Line 6, column resistance_type: 'Sabotage' is not a resistance type. Use one of: Finance territorial, PM workload, IT technical sovereignty, Other, No resistance.",
            "Line 6, column gains: Unknown tag 'speed'. Use tags separated by ';' from: ownership, simplicity, autonomy, job security, accountability, visibility, workload.",
            "Line 6, column early_adopter: 'maybe' is not yes or no.",
            "Line 7, column email: 'not-an-email' is not an email address.",
            "Line 7, column name: Name is required.",
        ], check.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Line_numbers_count_physical_lines_so_a_quoted_line_break_does_not_shift_later_errors()
    {
        var check = StakeholderCsv.Check(File(
            "a@example.com,A,,Financial analysts,,3,3,Neutral,Neutral,,,,,,,\"two\nlines\"",
            "b@example.com,B,,Financial analysts,,9,3,Neutral,Neutral,,,,,,,"), Groups);

        Assert.Equal("Line 4, column influence: Influence must be from 1 to 5 (it is 9).", Assert.Single(check.Errors).ToString());
    }

    [Theory]
    [InlineData("a@example.com,\"Ana,,Financial analysts", "Line 2: A quoted field is never closed (missing \").")]
    [InlineData("a@example.com,An\"a,,Financial analysts", "Line 2: A quote inside an unquoted field; put the field in quotes and double the quote.")]
    [InlineData("a@example.com,\"Ana\"x,,Financial analysts", "Line 2: Unexpected text after a closing quote; quote the whole field.")]
    public void Malformed_csv_is_reported_with_its_line(string row, string message)
    {
        var check = StakeholderCsv.Check("email,name,title,group\n" + row + "\n", Groups);
        Assert.Equal(message, Assert.Single(check.Errors).ToString());
    }

    [Fact]
    public void The_header_must_name_known_columns_and_the_required_ones()
    {
        var check = StakeholderCsv.Check("email,full name,group,group\nx@example.com,X,Financial analysts,Financial analysts\n", Groups);
        Assert.Equal(
        [
            "Line 1, column full_name: Unknown column 'full name'. Known columns: " + string.Join(", ", StakeholderCsv.Columns) + ".",
            "Line 1, column group: The column appears twice.",
            "Line 1, column name: The required column 'name' is missing.",
        ], check.Errors.Select(e => e.ToString()));
        Assert.Equal("Line 2: The row has 3 fields; the header has 4.",
            Assert.Single(StakeholderCsv.Check("email,name,title,group\nx@example.com,X,Financial analysts\n", Groups).Errors).ToString());
    }

    [Fact]
    public void Too_many_rows_an_oversized_file_and_an_empty_file_are_refused()
    {
        var rows = Enumerable.Range(0, StakeholderCsv.MaxRows + 1).Select(i => $"p{i}@example.com,P {i},,Financial analysts");
        var many = StakeholderCsv.Check("email,name,title,group\n" + string.Join("\n", rows), Groups);
        Assert.Equal("The file has 10,001 rows; the limit is 10,000. Split it into smaller files.", Assert.Single(many.Errors).Message);

        Assert.Null(StakeholderCsv.CheckSize(StakeholderCsv.MaxFileBytes));
        Assert.Equal("The file is 2.0 MB; the limit is 2 MB. Split it into smaller files.", StakeholderCsv.CheckSize(StakeholderCsv.MaxFileBytes + 1)!.Message);
        Assert.StartsWith("The file is empty", Assert.Single(StakeholderCsv.Check("\uFEFF", Groups).Errors).Message);
    }

    [Fact]
    public void An_export_line_reads_back_as_the_same_person_and_assessment_even_with_formula_like_text()
    {
        var own = Assessment.Create(new AssessmentInput(4, 5, SupportLevel.Resistant, SupportLevel.Champion, ResistanceType.FinanceTerritorial,
            GainLossTags.Simplicity | GainLossTags.JobSecurity, "fewer, \"manual\" matches", GainLossTags.Ownership, "=SUM(A1)", true, "-2 since June\nworkshop"),
            "u", "U", DateTimeOffset.UnixEpoch).Value;
        var text = StakeholderCsv.HeaderLine() + StakeholderCsv.Line("ana@example.com", "Ana Ruiz", "Analyst", "Financial analysts", "Invoices", own)
            + StakeholderCsv.Line("bo@example.com", "Bo", "", "Financial analysts", "", null);

        var check = StakeholderCsv.Check(text, Groups);

        Assert.True(check.IsValid, string.Join("; ", check.Errors));
        Assert.Equal(own.ToInput(), check.Rows[0].Assessment);
        Assert.Null(check.Rows[1].Assessment);
        Assert.Contains("'=SUM(A1)", text); // a spreadsheet shows it as text
    }
}
