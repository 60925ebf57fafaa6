using Portal.Core.Training;

namespace Portal.Tests.Core.Training;

public sealed class TrainingCsvTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly HashSet<string> People = ["ana@atlas.example", "ben@atlas.example"];
    private static readonly Dictionary<string, int> Courses = new() { ["FIN-101"] = 1, ["ERP-200"] = 2 };

    private static TrainingCsvCheck Check(string text) => TrainingCsv.Check(text, People, Courses, Today);

    [Fact]
    public void A_valid_export_gives_one_row_per_person_and_course_matching_emails_and_codes_loosely()
    {
        var check = Check("email,course_code,enrolled_date,completed_date,score\r\n" +
                          " Ana@Atlas.example ,fin-101,2026-09-01,2026-09-15,88.5\r\n" +
                          "ben@atlas.example,FIN-101,2026-09-01,,\r\n");

        Assert.True(check.IsValid);
        Assert.Equal(new TrainingCsvRow(2, "ana@atlas.example", 1, new(2026, 9, 1), new(2026, 9, 15), 88.5m), check.Rows[0]);
        Assert.Equal(new TrainingCsvRow(3, "ben@atlas.example", 1, new(2026, 9, 1), null, null), check.Rows[1]);
    }

    [Fact]
    public void Optional_columns_may_be_left_out_and_columns_come_in_any_order()
    {
        var check = Check("Course Code,Enrolled Date,Email\nERP-200,2026-10-01,ben@atlas.example\n");

        Assert.True(check.IsValid);
        Assert.Equal(2, check.Rows.Single().CourseId);
    }

    [Fact]
    public void Every_bad_row_is_reported_by_line_and_column_and_no_row_is_returned()
    {
        var check = Check("email,course_code,enrolled_date,completed_date,score\n" +
                          "ana@atlas.example,FIN-101,2026-09-01,2026-09-15,90\n" +
                          "nobody@atlas.example,FIN-999,01/09/2026,,\n" +
                          "ben@atlas.example,ERP-200,2026-10-01,2026-09-30,101\n" +
                          "ben@atlas.example,ERP-200,2026-10-01,2026-12-01,\n" +
                          "ana@atlas.example,FIN-101,2026-09-01,,\n" +
                          "ana@atlas.example,FIN-101\n");

        Assert.Empty(check.Rows);
        Assert.Equal(
        [
            "Line 3, column email: 'nobody@atlas.example' is not a stakeholder or member of this program. Add them to the stakeholder map first.",
            "Line 3, column course_code: Unknown course code 'FIN-999'. Add the course on the Training page first.",
            "Line 3, column enrolled_date: '01/09/2026' is not a date; write it as yyyy-MM-dd, e.g. 2026-03-31.",
            "Line 4, column completed_date: The completed date 2026-09-30 is before the enrolled date 2026-10-01.",
            "Line 4, column score: Score must be a number from 0 to 100 with at most two decimals (it is '101').",
            "Line 5, column completed_date: Completed date 2026-12-01 is in the future; an LMS export records what already happened.",
            "Line 6, column course_code: 'ana@atlas.example' and this course are already on line 2; each person appears once per course.",
            "Line 7: The row has 2 fields; the header has 5.",
        ], check.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Header_problems_are_reported_before_any_row()
    {
        var check = Check("email,course,enrolled_date,email\nana@atlas.example,FIN-101,2026-09-01,x\n");

        Assert.Equal(["course", "email", "course_code"], check.Errors.Select(e => e.Column));
        Assert.All(check.Errors, e => Assert.Equal(1, e.Line));
    }

    [Fact]
    public void An_empty_file_a_score_without_completion_and_an_oversized_file_are_refused()
    {
        Assert.Equal("Line 1: The file is empty; the first line must name the columns (email, course_code, enrolled_date at least).", Check("").Errors.Single().ToString());
        Assert.Equal("score", Check("email,course_code,enrolled_date,completed_date,score\nana@atlas.example,FIN-101,2026-09-01,,75\n").Errors.Single().Column);
        Assert.NotNull(TrainingCsv.CheckSize(TrainingCsv.MaxFileBytes + 1));
        Assert.Null(TrainingCsv.CheckSize(TrainingCsv.MaxFileBytes));
    }

    [Fact]
    public void Lines_written_by_the_exporter_read_back_unchanged()
    {
        var text = TrainingCsv.HeaderLine() + TrainingCsv.Line("ana@atlas.example", "FIN-101", new(2026, 9, 1), new(2026, 9, 2), 77.25m);

        Assert.Equal(new TrainingCsvRow(2, "ana@atlas.example", 1, new(2026, 9, 1), new(2026, 9, 2), 77.25m), Check(text).Rows.Single());
    }

    [Fact]
    public void A_course_needs_a_code_title_and_exactly_one_audience()
    {
        var bad = TrainingCourse.Create(1, new TrainingCourseInput("FIN 101", "", null, new TrainingAudience(3, Portal.Core.Programs.ProgramRole.ChangeLead), true, true));
        Assert.Equal(["Code", "Title", "Audience"], bad.Errors.Select(e => e.Field));

        var ok = TrainingCourse.Create(1, new TrainingCourseInput(" fin-101 ", " Budget to actuals ", null, TrainingAudience.Group(3), true, true)).Value;
        Assert.Equal(("FIN-101", "Budget to actuals", "group:3"), (ok.Code, ok.Title, ok.Audience.Key));
        var version = ok.Version;
        Assert.True(ok.Change(ok.ToInput()).Succeeded);
        Assert.Equal(version, ok.Version);
    }

    [Fact]
    public void A_session_in_a_room_needs_the_room_and_a_sensible_capacity()
    {
        var errors = TrainingSession.Validate(new TrainingSessionInput(null, "Dana", "", IsOnline: false, Capacity: 0));
        Assert.Equal(["Date", "Location", "Capacity"], errors.Select(e => e.Field));
        Assert.Empty(TrainingSession.Validate(new TrainingSessionInput(Today, "Dana", "", IsOnline: true, Capacity: 30)));
    }
}
