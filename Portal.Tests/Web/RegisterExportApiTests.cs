using System.Net;
using System.Text.Json;
using Portal.Core.Common;
using Portal.Core.Integration;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Api;
using Portal.Web.Features.Exports;

namespace Portal.Tests.Web;

/// <summary>
/// Every register's CSV export over HTTP (ADR-025): header and a known demo row for a member, 404 for non-members, 401 for
/// anonymous callers, the runs export's period rules, formula guarding, and a large runs export that streams.
/// </summary>
public sealed class RegisterExportApiTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    public static TheoryData<string> Registers =>
    [
        ExportApi.Stakeholders, ExportApi.Actions, ExportApi.Training, ExportApi.UatScenarios, ExportApi.UatExecutions, ExportApi.Workarounds,
        ExportApi.Reviews, ExportApi.Connections, ExportApi.SyncRuns, ExportApi.Exceptions, ExportApi.Audit, ExportApi.SystemOfRecord,
    ];

    /// <summary>Register, the start of its header, and a pattern one of the Atlas demo rows matches.</summary>
    public static TheoryData<string, string, string> DemoRows => new()
    {
        { ExportApi.Stakeholders, "email,name,", "^hannah.okoye@atlas-demo.example.com,Hannah Okoye,Senior financial analyst,Financial analysts," },
        { ExportApi.Actions, "playbook,target,step,title,owner,due_date,status,closed_utc,outcome_note,applied_utc,applied_by",
            "^PM workload,[^,]+,1,.*,Sofia Reyes,\\d{4}-\\d{2}-\\d{2},Done,\\d{4}-\\d{2}-\\d{2}T[\\d:]+Z,Walked eight Capital Projects PMs" },
        { ExportApi.Training, "email,course_code,enrolled_date,completed_date,score", "@.*,\\d{4}-\\d{2}-\\d{2}," },
        { ExportApi.UatScenarios, "scenario_key,title,process_area,criticality,linked_to,executions,last_cycle,last_status,last_executed_at",
            "^COM-001,Raise a purchase requisition against a project WBS,Commitments,Critical,[^,]*,\\d+,Pilot UAT," },
        { ExportApi.UatExecutions, "scenario_key,cycle,status,tester,executed_at,notes,defect", "^INV-004,Pilot UAT,Fail," },
        { ExportApi.Workarounds, "name,process_area,owner,replaced_by,decommission_date,status,days_overdue,slips",
            "^PO tracking spreadsheet,Procurement follow-up,Jordan Blake,.*,Decommissioned,0,0,\\d{4}-.*,true," },
        { ExportApi.Reviews, "review,due_date,status,active_users,target_users,active_user_rate,new_process_share_percent,reconciliation_hours",
            "^baseline,,Captured,,140,,85(\\.0+)?,96(\\.0+)?,,,,,,$" },
        { ExportApi.Connections, "key,name,source_system,target_system,data_domain,pattern,expected_interval_minutes",
            "^po-commitments,Purchase-order commitments from ERP,ERP,PPM,Commitments,Event,5,15,2(\\.0+)?,3,Tomasz Nowak,Failing," },
        { ExportApi.SyncRuns, "connection,run_id,started_utc,finished_utc,duration_seconds,status,records_read",
            "^erp-ppm-actuals,[^,]+,\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z,\\d{4}-.*Z,[\\d.]+,(succeeded|failed|partial),\\d+," },
        { ExportApi.Exceptions, "exception_id,connection,detected_utc,object_type,object_key,source_value,target_value,amount_delta,currency,state,assignee,age_days",
            "^rx-po-4711,po-commitments,\\d{4}-.*Z,Purchase order,PO-4711,\"12,500.00 EUR\",\"12,000.00 EUR\",-500(\\.0+)?,EUR,Open,,0\\.\\d,," },
        { ExportApi.SystemOfRecord, "domain,status,authoritativeSystem,decisionOwner", "^[a-z-]+,[A-Za-z]+," },
    };

    [Theory, MemberData(nameof(DemoRows))]
    public async Task A_member_exports_the_header_and_a_known_demo_row(string register, string header, string row)
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var response = await client.GetAsync(ExportApi.Path(atlas, register));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Matches($"^{register}-program-{atlas}-\\d{{8}}(-\\d{{8}})?\\.csv$",
            response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]); // no byte-order mark
        var lines = System.Text.Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(header, lines[0]);
        Assert.Contains(lines.Skip(1), l => System.Text.RegularExpressions.Regex.IsMatch(l, row));
    }

    [Theory, MemberData(nameof(Registers))]
    public async Task A_non_member_gets_404_problem_details(string register)
    {
        var harbor = await factory.ProgramIdAsync("Harbor");
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var response = await client.GetAsync(ExportApi.Path(harbor, register));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory, MemberData(nameof(Registers))]
    public async Task An_anonymous_caller_gets_401(string register)
    {
        var atlas = await factory.ProgramIdAsync("Atlas");

        var response = await factory.CreateBrowserLikeClient().GetAsync(ExportApi.Path(atlas, register));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_older_export_addresses_still_answer()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/programs/{atlas}/stakeholders/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/programs/{atlas}/training/export.csv")).StatusCode);
    }

    [Fact]
    public async Task The_program_audit_trail_is_for_its_pmo_leads_and_administrators_only()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var pmo = await factory.SignedInClientAsync("pmo@portal.local");
        var viewer = await factory.SignedInClientAsync("viewer@portal.local");

        var text = await pmo.GetStringAsync(ExportApi.Path(atlas, ExportApi.Audit));
        var forbidden = await viewer.GetAsync(ExportApi.Path(atlas, ExportApi.Audit));

        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sequence,occurredUtc,actorName,actorUserId,programId,", rows[0]);
        Assert.All(rows.Skip(1), r => Assert.Equal(atlas.ToString(), CsvText.Read(r).Records[0].Fields[4]));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Runs_are_exported_for_the_period_asked_and_one_connection_on_request()
    {
        var (programId, connection) = await ProgramWithConnectionAsync();
        var day = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
        await using (var db = factory.CreateDbContext())
        {
            foreach (var (id, finished) in new[] { ("before", day.AddMinutes(-1)), ("first", day), ("last", day.AddDays(2).AddTicks(-1)), ("after", day.AddDays(2)) })
                db.SyncRuns.Add(SyncRun.Create(connection.Id, id, finished.AddMinutes(-2), finished, SyncRunStatus.Succeeded, 10, 10, 0, finished));
            await db.SaveChangesAsync();
        }
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var text = await client.GetStringAsync($"{ExportApi.Path(programId, ExportApi.SyncRuns)}?from=2026-03-10&to=2026-03-11&connection={connection.Key}");

        var runIds = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.Equal(["first", "last"], runIds);
        Assert.Contains($"{connection.Key},first,2026-03-09T23:58:00Z,2026-03-10T00:00:00Z,120,succeeded,10,10,0,0,0,,,,", text);
    }

    [Theory]
    [InlineData("from=2026-03-10&to=2026-03-09", "before the start date")]
    [InlineData("from=2026-01-01&to=2026-02-01", "at most 31")]
    [InlineData("from=2026-01-01&to=2026-01-02&connection=no-such-connection", "no connection with the key")]
    public async Task An_invalid_runs_request_is_400_problem_details(string query, string message)
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var response = await client.GetAsync($"{ExportApi.Path(atlas, ExportApi.SyncRuns)}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, json.RootElement.GetProperty("errors").EnumerateObject().Single().Value[0].GetString());
    }

    [Fact]
    public async Task Cells_that_would_run_as_formulas_are_neutralised()
    {
        var (programId, connection) = await ProgramWithConnectionAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var db = factory.CreateDbContext())
        {
            db.SyncRuns.Add(SyncRun.Create(connection.Id, "=1+2", now.AddMinutes(-3), now.AddMinutes(-1), SyncRunStatus.Failed, 1, 0, 1, now,
                "@SUM(A1)", "=HYPERLINK(\"http://evil.example\",\"click\")"));
            db.ReconciliationExceptions.Add(ReconciliationException.Record(new ReconciliationExceptionReport("x-1", connection.Key, now.AddHours(-1).ToString("O"),
                "Invoice", "+49 30 1234", "-12", "\tcmd", -3.5m, "EUR"), connection.Id, now).Value);
            await db.SaveChangesAsync();
        }
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var runs = await client.GetStringAsync(ExportApi.Path(programId, ExportApi.SyncRuns));
        var exceptions = await client.GetStringAsync(ExportApi.Path(programId, ExportApi.Exceptions));

        Assert.Contains($"{connection.Key},'=1+2,", runs);
        Assert.Contains(",'@SUM(A1),\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",", runs);
        Assert.Contains(",Invoice,'+49 30 1234,'-12,'\tcmd,-3.5", exceptions); // the amount stays a number
    }

    [Fact]
    public async Task A_large_runs_export_streams_to_the_end()
    {
        const int count = 30_000;
        var (programId, connection) = await ProgramWithConnectionAsync();
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        await using (var db = factory.CreateDbContext())
            await SyncRunBulkInsert.InsertAsync(db, Enumerable.Range(0, count)
                .Select(i => SyncRun.Create(connection.Id, $"bulk-{i:D6}", start.AddSeconds(i * 4), start.AddSeconds(i * 4 + 2), SyncRunStatus.Succeeded,
                    100, 100, 0, start)).ToList(), CancellationToken.None);
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        using var response = await client.GetAsync(ExportApi.Path(programId, ExportApi.SyncRuns), HttpCompletionOption.ResponseHeadersRead);
        // A streamed body has no length up front; a buffered one would.
        Assert.Null(response.Content.Headers.ContentLength);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var lines = 0;
        string? last = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            lines++;
            last = line;
        }

        Assert.Equal(count + 1, lines);
        Assert.StartsWith($"{connection.Key},bulk-{count - 1:D6},", last);
    }

    private async Task<(int ProgramId, Connection Connection)> ProgramWithConnectionAsync()
    {
        var it = (await factory.DemoUserAsync("it@portal.local")).Id;
        var viewer = (await factory.DemoUserAsync("viewer@portal.local")).Id;
        var now = DateTimeOffset.UtcNow;
        var program = PortalProgram.Create("Export " + Guid.NewGuid().ToString("N")[..8], "", ["PPM", "ERP"], null, now).Value;
        program.SetMember(it, ProgramRole.IntegrationOwner, now);
        program.SetMember(viewer, ProgramRole.Viewer, now);
        await using var db = factory.CreateDbContext();
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        var connection = Connection.Register(program, new ConnectionDraft("exp-" + Guid.NewGuid().ToString("N")[..8], "Export probe", "ERP", "PPM", "Actuals",
            IntegrationPattern.Batch, 60, 120, 2m, 3, it), false, now).Value;
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        return (program.Id, connection);
    }
}
