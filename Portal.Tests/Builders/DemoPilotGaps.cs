namespace Portal.Tests.Builders;

/// <summary>
/// The files that close the demo Pilot's training and UAT gaps, as a change lead would get them: the LMS export with
/// the two analysts who finished the data-quality course, and the retest of every Pilot scenario that failed, was
/// blocked or was not run. Gate tests that walk Atlas through Pilot import these.
/// </summary>
public static class DemoPilotGaps
{
    public static readonly string[] RetestedScenarios = ["INV-004", "COM-007", "TIM-009", "COM-015", "INV-015", "TIM-013", "TIM-014", "PRJ-013", "PRJ-015"];

    public static string LmsExport(DateTime utcNow)
    {
        var enrolled = utcNow.AddDays(-30).ToString("yyyy-MM-dd");
        var done = utcNow.ToString("yyyy-MM-dd");
        return "email,course_code,enrolled_date,completed_date,score\n" +
               $"rafael.duarte@atlas-demo.example.com,FIN-202,{enrolled},{done},84\n" +
               $"viktor.hale@atlas-demo.example.com,FIN-202,{enrolled},{done},79\n";
    }

    public static string UatRetest(DateTime utcNow)
    {
        var at = utcNow.AddMinutes(-30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        return "scenario_key,cycle,status,tester,executed_at,notes,defect\n" +
               string.Concat(RetestedScenarios.Select(key => $"{key},Pilot UAT,Pass,Dana Kowalski,{at},Retest after build 17,\n"));
    }
}
