using System.Security.Claims;
using System.Text;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;

namespace Portal.Web.Api;

/// <summary>
/// The audit trail over HTTP: a CSV export under the page's rules (administrators everything, PMO leads their
/// programs, others 403) and the chain verification for administrators.
/// </summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/export.csv", async Task<IResult> (int? programId, string? actor, string? entityType, DateOnly? from, DateOnly? to,
            string? search, ClaimsPrincipal principal, AuditTrailService audit, TimeProvider clock, CancellationToken ct) =>
        {
            var user = CurrentUser.Require(principal);
            if (!await audit.CanAuditAsync(user, ct))
                return Forbidden("The audit trail needs the Administrator role or the PMO lead role in a program.");
            var filter = new AuditFilter(programId, actor, entityType, from, to, search);
            return TypedResults.Stream(async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(false));
                await writer.WriteAsync(AuditCsv.HeaderLine());
                await foreach (var entry in audit.StreamAsync(user, filter, ct))
                    await writer.WriteAsync(AuditCsv.Line(entry));
            }, "text/csv; charset=utf-8", $"audit-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv");
        });

        api.MapGet("/audit/verify", async Task<IResult> (ClaimsPrincipal principal, AuditTrailService audit, CancellationToken ct) =>
        {
            var user = CurrentUser.Require(principal);
            if (!user.IsAdministrator)
                return Forbidden("Verifying the audit chain needs the Administrator role.");
            var report = await audit.VerifyAsync(user, ct);
            return TypedResults.Ok(new
            {
                intact = report.IsIntact, entriesChecked = report.EntriesChecked,
                firstBrokenSequence = report.FirstBrokenSequence, problem = report.Problem,
            });
        });
        return api;
    }

    private static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);
}
