using System.Security.Claims;
using Portal.Web.Features.Account;
using Portal.Web.Features.Programs;

namespace Portal.Web.Api;

/// <summary>
/// The HTTP API. Unauthenticated calls get 401 (never the login page); a program the caller is not a
/// member of is 404, exactly like one that does not exist.
/// </summary>
public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Portal");

        api.MapGet("/me", (ClaimsPrincipal principal) =>
        {
            var user = CurrentUser.Require(principal);
            return TypedResults.Ok(new { id = user.Id, displayName = user.DisplayName, roles = user.Roles.Order() });
        });

        api.MapGet("/programs", async (ClaimsPrincipal principal, ProgramService programs, CancellationToken ct) =>
            TypedResults.Ok(await programs.ListAsync(CurrentUser.Require(principal), ct)));

        api.MapGet("/programs/{id:int}", async Task<IResult> (int id, ClaimsPrincipal principal, ProgramService programs, CancellationToken ct) =>
            await programs.GetAsync(id, CurrentUser.Require(principal), ct) is { } program
                ? TypedResults.Ok(program)
                : ProgramNotFound(id));

        return app;
    }

    public static IResult ProgramNotFound(int id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Program not found",
        detail: $"Program {id} does not exist or you are not a member of it.");
}
