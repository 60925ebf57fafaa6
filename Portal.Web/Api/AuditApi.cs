using System.Security.Claims;
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
            return CsvDownload.Stream(AuditCsv.HeaderLine(), Lines(audit.StreamAsync(user, filter, ct), ct), $"audit-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv");
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

    private static async IAsyncEnumerable<string> Lines(IAsyncEnumerable<Portal.Core.Auditing.AuditEntry> entries,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var entry in entries.WithCancellation(ct))
            yield return AuditCsv.Line(entry);
    }

    private static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);
}
