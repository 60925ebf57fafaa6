using System.Security.Claims;
using System.Text;
using Portal.Web.Features.Account;
using Portal.Web.Features.Stakeholders;

namespace Portal.Web.Api;

/// <summary>The stakeholder map's CSV export (the same columns the import reads); members only, others 404.</summary>
public static class StakeholderApi
{
    public static string ExportPath(int programId) => $"/api/programs/{programId}/stakeholders/export.csv";

    public static RouteGroupBuilder MapStakeholderApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programs/{id:int}/stakeholders/export.csv", async Task<IResult> (int id, ClaimsPrincipal principal, StakeholderCsvService csv,
            TimeProvider clock, CancellationToken ct) =>
        {
            var text = await csv.ExportAsync(id, CurrentUser.Require(principal), ct);
            return text is null
                ? PortalApi.ProgramNotFound(id)
                : TypedResults.File(new UTF8Encoding(false).GetBytes(text), "text/csv; charset=utf-8", $"stakeholders-{id}-{clock.GetUtcNow():yyyyMMdd}.csv");
        });
        return api;
    }
}
