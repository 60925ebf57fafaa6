using System.Security.Claims;
using System.Text;
using Portal.Web.Features.Account;
using Portal.Web.Features.Training;

namespace Portal.Web.Api;

/// <summary>A program's enrolments and completions as CSV (the columns the LMS import reads); members only, others 404.</summary>
public static class TrainingApi
{
    public static string ExportPath(int programId) => $"/api/programs/{programId}/training/export.csv";

    public static RouteGroupBuilder MapTrainingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programs/{id:int}/training/export.csv", async Task<IResult> (int id, ClaimsPrincipal principal, TrainingCsvService csv,
            TimeProvider clock, CancellationToken ct) =>
        {
            var text = await csv.ExportAsync(id, CurrentUser.Require(principal), ct);
            return text is null
                ? PortalApi.ProgramNotFound(id)
                : TypedResults.File(new UTF8Encoding(false).GetBytes(text), "text/csv; charset=utf-8", $"training-{id}-{clock.GetUtcNow():yyyyMMdd}.csv");
        });
        return api;
    }
}
