using System.Security.Claims;
using System.Text;
using Portal.Web.Features.Account;
using Portal.Web.Features.SystemOfRecord;

namespace Portal.Web.Api;

/// <summary>The system-of-record register as CSV, for members of the program (others get 404, as for a missing program).</summary>
public static class SystemOfRecordApi
{
    public static RouteGroupBuilder MapSystemOfRecordApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programs/{id:int}/system-of-record.csv", async Task<IResult> (int id, ClaimsPrincipal principal, SystemOfRecordService register,
            TimeProvider clock, CancellationToken ct) =>
        {
            if (await register.GetAsync(id, CurrentUser.Require(principal), ct) is not { } found)
                return PortalApi.ProgramNotFound(id);
            return TypedResults.File(new UTF8Encoding(false).GetBytes(SystemOfRecordCsv.Write(found)), "text/csv; charset=utf-8",
                $"system-of-record-{id}-{clock.GetUtcNow():yyyyMMdd}.csv");
        });
        return api;
    }
}
