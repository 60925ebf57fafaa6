using System.Security.Claims;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Api;

/// <summary>
/// Completing a milestone over HTTP goes through the same gate as the pages: 200 with the milestone, 409 naming
/// every unmet criterion, 403 for a role that may not complete, 404 for a milestone the caller cannot see.
/// </summary>
public static class MilestoneApi
{
    public sealed record CompleteRequest(string? Reason, Guid? ExpectedVersion);

    /// <summary>A completion request carries at most a reason; anything larger is refused while it is read, as a 400 problem.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapMilestoneApi(this RouteGroupBuilder api)
    {
        api.MapPost("/milestones/{id:int}/complete", async (int id, CompleteRequest? body, ClaimsPrincipal principal, MilestoneService milestones, CancellationToken ct) =>
        {
            var outcome = await milestones.CompleteAsync(id, CurrentUser.Require(principal), body?.ExpectedVersion, body?.Reason, ct);
            return outcome.Kind switch
            {
                OutcomeKind.Done => Results.Ok(outcome.Milestone),
                OutcomeKind.NotFound => Results.Problem(statusCode: 404, title: "Milestone not found", detail: outcome.Message),
                OutcomeKind.Forbidden => Results.Problem(statusCode: 403, title: "Not allowed", detail: outcome.Message),
                OutcomeKind.Blocked => Results.Problem(statusCode: 409, title: "Paired change milestones are unmet", detail: outcome.Message,
                    extensions: new Dictionary<string, object?>
                    {
                        ["unmet"] = outcome.Unmet!.Select(u => new { id = u.CriterionId, milestoneId = u.MilestoneId, criterion = u.Criterion, reason = u.Reason }),
                    }),
                OutcomeKind.Conflict => Results.Problem(statusCode: 409, title: "The milestone changed since you read it", detail: outcome.Message),
                _ => Results.Problem(statusCode: 400, title: "The request cannot be applied", detail: outcome.Message),
            };
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes), new OversizedBodyIsBadRequest(MaxBodyBytes));
        return api;
    }
}
