using System.Runtime.CompilerServices;
using System.Security.Claims;
using Portal.Core.Programs;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Exports;

namespace Portal.Web.Api;

/// <summary>
/// CSV exports of every register, one scheme (ADR-025): <c>GET /api/programs/{id}/{register}.csv</c>. Members only (others
/// 404, as for a missing program); the audit trail keeps ADR-009's stricter rule (the program's PMO leads and administrators;
/// other members 403). The first two exports' older addresses (<c>stakeholders/export.csv</c>, <c>training/export.csv</c>)
/// stay as aliases so saved links and scripts keep working.
/// </summary>
public static class ExportApi
{
    public const string Stakeholders = "stakeholders", Actions = "actions", Training = "training", UatScenarios = "uat-scenarios",
        UatExecutions = "uat-executions", Workarounds = "workarounds", Reviews = "reviews", Connections = "connections", SyncRuns = "sync-runs",
        Exceptions = "exceptions", Audit = "audit", SystemOfRecord = "system-of-record";

    public static string Path(int programId, string register) => $"/api/programs/{programId}/{register}.csv";

    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder api)
    {
        void Register(string register, Func<RegisterExportService, int, CurrentUser, CancellationToken, Task<CsvExport?>> export, params string[] aliases)
        {
            foreach (var route in aliases.Prepend($"/programs/{{id:int}}/{register}.csv"))
                api.MapGet(route, async Task<IResult> (int id, ClaimsPrincipal principal, RegisterExportService exports, TimeProvider clock, CancellationToken ct) =>
                    CsvDownload.For(await export(exports, id, CurrentUser.Require(principal), ct), id, clock));
        }

        Register(Stakeholders, (s, id, user, ct) => s.StakeholdersAsync(id, user, ct), "/programs/{id:int}/stakeholders/export.csv");
        Register(Training, (s, id, user, ct) => s.TrainingAsync(id, user, ct), "/programs/{id:int}/training/export.csv");
        Register(SystemOfRecord, (s, id, user, ct) => s.SystemOfRecordAsync(id, user, ct));
        Register(Actions, (s, id, user, ct) => s.ActionsAsync(id, user, ct));
        Register(UatScenarios, (s, id, user, ct) => s.UatScenariosAsync(id, user, ct));
        Register(UatExecutions, (s, id, user, ct) => s.UatExecutionsAsync(id, user, ct));
        Register(Workarounds, (s, id, user, ct) => s.WorkaroundsAsync(id, user, ct));
        Register(Reviews, (s, id, user, ct) => s.ReviewsAsync(id, user, ct));

        api.MapGet($"/programs/{{id:int}}/{Connections}.csv", async Task<IResult> (int id, ClaimsPrincipal principal, IntegrationExportService exports,
            TimeProvider clock, CancellationToken ct) => CsvDownload.For(await exports.ConnectionsAsync(id, CurrentUser.Require(principal), ct), id, clock));

        api.MapGet($"/programs/{{id:int}}/{Exceptions}.csv", async Task<IResult> (int id, ClaimsPrincipal principal, IntegrationExportService exports,
            TimeProvider clock, CancellationToken ct) => CsvDownload.For(await exports.ExceptionsAsync(id, CurrentUser.Require(principal), ct), id, clock));

        // from/to are whole UTC days, both included; without them the last 7 days; at most 31 days (ExportPeriod). connection: one key.
        api.MapGet($"/programs/{{id:int}}/{SyncRuns}.csv", async Task<IResult> (int id, DateOnly? from, DateOnly? to, string? connection,
            ClaimsPrincipal principal, IntegrationExportService exports, TimeProvider clock, CancellationToken ct) =>
        {
            var request = await exports.SyncRunsAsync(id, from, to, connection, CurrentUser.Require(principal), ct);
            if (request.NotFound)
                return PortalApi.ProgramNotFound(id);
            if (request.Export is null)
                return TypedResults.ValidationProblem(request.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    title: "Invalid period");
            return CsvDownload.For(request.Export, id, clock);
        });

        api.MapGet($"/programs/{{id:int}}/{Audit}.csv", async Task<IResult> (int id, ClaimsPrincipal principal, RegisterExportService exports,
            AuditTrailService audit, TimeProvider clock, CancellationToken ct) =>
        {
            var user = CurrentUser.Require(principal);
            if (await exports.ProgramAsync(id, user, ct) is not { } program)
                return PortalApi.ProgramNotFound(id);
            // ADR-009: a program's audit trail is for its PMO leads and administrators, not every member.
            if (!user.IsAdministrator && !program.Members.Any(m => m.UserId == user.Id && m.Role == ProgramRole.PmoLead))
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                    detail: "A program's audit trail needs the PMO lead role in that program or the Administrator role.");
            return CsvDownload.For(new CsvExport(Audit, AuditCsv.HeaderLine(), AuditLines(audit, user, id, ct)), id, clock);
        });
        return api;
    }

    private static async IAsyncEnumerable<string> AuditLines(AuditTrailService audit, CurrentUser user, int programId, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var entry in audit.StreamAsync(user, new AuditFilter(programId), ct))
            yield return AuditCsv.Line(entry);
    }
}
