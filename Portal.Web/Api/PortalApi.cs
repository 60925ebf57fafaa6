using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Web.Features.ApiTokens;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.Programs;

namespace Portal.Web.Api;

/// <summary>
/// The HTTP API. Unauthenticated calls get 401 (never the login page); a program the caller is not a
/// member of is 404, exactly like one that does not exist. Callers sign in with the cookie or send
/// `Authorization: Bearer pat_...` (a personal API token); the document is at /openapi/v1.json.
/// </summary>
public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        // Cookie or bearer token: the policy scheme picks the bearer handler only when a bearer header is present.
        var api = app.MapGroup("/api").WithTags("Portal")
            .RequireAuthorization(new AuthorizationPolicyBuilder(PersonalApiTokenHandler.ApiScheme).RequireAuthenticatedUser().Build());

        api.MapGet("/me", (ClaimsPrincipal principal) =>
        {
            var user = CurrentUser.Require(principal);
            return TypedResults.Ok(new { id = user.Id, displayName = user.DisplayName, roles = user.Roles.Order() });
        });

        api.MapGet("/programs", async (ClaimsPrincipal principal, ProgramService programs, CancellationToken ct) =>
            TypedResults.Ok(await programs.ListAsync(CurrentUser.Require(principal), ct)));

        // The program with its phases and milestones; unmet change milestones list their unmet criteria.
        api.MapGet("/programs/{id:int}", async Task<IResult> (int id, ClaimsPrincipal principal, ProgramService programs, MilestoneService milestones,
            CancellationToken ct) =>
        {
            var user = CurrentUser.Require(principal);
            if (await programs.GetAsync(id, user, ct) is not { } program || await milestones.GetPlanAsync(id, user, ct) is not { } plan)
                return ProgramNotFound(id);
            return TypedResults.Ok(new
            {
                program.Id, program.Name, program.Description, program.Systems, program.PlannedGoLive, program.ActualGoLive,
                program.Members, program.CanManage, plan.CurrentPhase,
                Phases = plan.Phases.Select(p => new
                {
                    p.Id, p.Order, p.Name, p.IsClosed,
                    Milestones = p.Milestones.Select(m => new
                    {
                        m.Id, m.Kind, m.Name, m.Phase, m.Status, m.IsMet, m.PairedWith, m.Version,
                        Unmet = m.Unmet.Select(u => new { Id = u.CriterionId, u.Criterion, u.Reason }),
                    }),
                }),
            });
        });

        api.MapMilestoneApi();
        api.MapAuditApi();
        api.MapExportApi();
        api.MapScorecardApi();
        api.MapReportsApi();
        api.MapIntegrationApi();
        app.MapTelemetryApi();

        return app;
    }

    public static IResult ProgramNotFound(int id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Program not found",
        detail: $"Program {id} does not exist or you are not a member of it.");
}
