using System.Security.Claims;
using Portal.Core.Scorecards;
using Portal.Web.Features.Account;
using Portal.Web.Features.Scorecards;

namespace Portal.Web.Api;

/// <summary>A program's scorecard as JSON: sections with items {name, value, number, status, rule, link}; members only, others 404.</summary>
public static class ScorecardApi
{
    public static RouteGroupBuilder MapScorecardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programs/{id:int}/scorecard", async Task<IResult> (int id, ClaimsPrincipal principal, ScorecardService scorecards, CancellationToken ct) =>
            await scorecards.GetAsync(id, CurrentUser.Require(principal), ct) is { } card ? TypedResults.Ok(Json(card)) : PortalApi.ProgramNotFound(id));
        return api;
    }

    public static object Json(Scorecard card) => new
    {
        programId = card.ProgramId,
        program = card.ProgramName,
        generatedAt = card.GeneratedAt,
        status = card.Status.Key(),
        headline = card.Headline.Select(Item),
        sections = card.Sections.Select(s => new { key = s.Key, title = s.Title, link = s.Link, status = s.Status.Key(), items = s.Items.Select(Item) }),
    };

    private static object Item(ScorecardItem i) => new { name = i.Name, value = i.Value, number = i.Number, status = i.Status.Key(), rule = i.Rule, link = i.Link };
}
