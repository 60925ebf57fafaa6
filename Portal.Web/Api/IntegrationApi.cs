using System.Security.Claims;
using Portal.Core.Common;
using Portal.Core.Integration;
using Portal.Web.Features.Account;
using Portal.Web.Features.Integration;

namespace Portal.Web.Api;

/// <summary>
/// Connections and ingestion keys for provisioning scripts (cookie or personal API token): register a connection, create
/// a key (its secret is in this one response), list a program's connections, read one connection's health.
/// Non-members get 404; members without the integration owner role 403; bad fields 400 with every field error.
/// </summary>
public static class IntegrationApi
{
    public sealed record ConnectionRequest(string? Key, string? Name, string? SourceSystem, string? TargetSystem, string? DataDomain, string? Pattern,
        int? ExpectedIntervalMinutes, int? FreshnessSlaMinutes, decimal? ErrorRateSlaPercent, int? ConsecutiveFailureThreshold, string? Owner);

    public sealed record KeyRequest(string? Scope, string? Name);

    public static RouteGroupBuilder MapIntegrationApi(this RouteGroupBuilder api)
    {
        api.MapPost("/programs/{id:int}/connections", async Task<IResult> (int id, ConnectionRequest? body, ClaimsPrincipal principal,
            IntegrationService integration, CancellationToken ct) =>
        {
            var user = CurrentUser.Require(principal);
            body ??= new ConnectionRequest(null, null, null, null, null, null, null, null, null, null, null);
            var pattern = Enum.TryParse<IntegrationPattern>(body.Pattern, ignoreCase: true, out var p) && Enum.IsDefined(p) ? p : (IntegrationPattern?)null;
            var owner = await integration.OwnerIdAsync(body.Owner, user, ct);
            var draft = new ConnectionDraft(body.Key, body.Name, body.SourceSystem, body.TargetSystem, body.DataDomain, pattern,
                body.ExpectedIntervalMinutes, body.FreshnessSlaMinutes, body.ErrorRateSlaPercent, body.ConsecutiveFailureThreshold, owner);
            var outcome = await integration.RegisterAsync(id, draft, user, ct);
            return outcome.Kind == IntegrationOutcomeKind.Done
                ? TypedResults.Created($"/api/connections/{outcome.Value!.Key}/health", Tile(outcome.Value))
                : Problem(outcome);
        });

        api.MapGet("/programs/{id:int}/connections", async Task<IResult> (int id, ClaimsPrincipal principal, IntegrationService integration,
            CancellationToken ct) =>
            await integration.ListAsync(id, CurrentUser.Require(principal), ct) is { } tiles
                ? TypedResults.Ok(tiles.Select(Tile))
                : PortalApi.ProgramNotFound(id));

        api.MapGet("/connections/{key}/health", async Task<IResult> (string key, ClaimsPrincipal principal, IntegrationService integration,
            CancellationToken ct) =>
        {
            if (await integration.HealthAsync(key, CurrentUser.Require(principal), ct) is not ({ } health, { } m))
                return ConnectionNotFound(key);
            return TypedResults.Ok(new
            {
                key = Connection.NormalizeKey(key), status = health.Status, reason = health.Reason, lastSuccessAt = health.LastSuccessUtc,
                metrics24h = m[0], metrics7d = m[1], metrics30d = m[2],
            });
        });

        api.MapPost("/connections/{key}/api-keys", async Task<IResult> (string key, KeyRequest? body, ClaimsPrincipal principal,
            IntegrationService integration, CancellationToken ct) =>
        {
            var scope = body?.Scope?.Trim().ToLowerInvariant();
            if (scope is not (null or "connection" or "sourcesystem" or "source-system"))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["scope"] = ["scope must be \"connection\" (this connection only) or \"sourceSystem\" (all the program's connections from its source system)."],
                });
            var outcome = await integration.CreateKeyAsync(key, scope is "sourcesystem" or "source-system", body?.Name, CurrentUser.Require(principal), ct);
            if (outcome.Kind != IntegrationOutcomeKind.Done)
                return outcome.Kind == IntegrationOutcomeKind.NotFound ? ConnectionNotFound(key) : Problem(outcome);
            var issued = outcome.Value!;
            return TypedResults.Created($"/api/connections/{Connection.NormalizeKey(key)}/api-keys/{issued.Key.Id}", new
            {
                id = issued.Key.Id, name = issued.Key.Name, apiKey = issued.Secret, prefix = issued.Key.DisplayPrefix,
                scope = issued.Key.ConnectionId is null ? "sourceSystem" : "connection", sourceSystem = issued.Key.SourceSystem,
                connection = issued.Key.ConnectionId is null ? null : Connection.NormalizeKey(key),
                note = "This is the only time the key is shown; store it in the sender's secret store.",
            });
        });
        return api;
    }

    private static object Tile(ConnectionTile t) => new
    {
        key = t.Key, name = t.Name, programId = t.ProgramId, sourceSystem = t.SourceSystem, targetSystem = t.TargetSystem, dataDomain = t.DataDomain,
        pattern = t.Pattern, status = t.Status, reason = t.Reason, lastSuccessAt = t.LastSuccessUtc,
    };

    private static IResult ConnectionNotFound(string key) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Connection not found", detail: $"Connection '{key}' does not exist or you are not a member of its program.");

    private static IResult Problem<T>(IntegrationOutcome<T> outcome) => outcome.Kind switch
    {
        IntegrationOutcomeKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: outcome.Message),
        IntegrationOutcomeKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: outcome.Message),
        _ => TypedResults.ValidationProblem(ToDictionary(outcome.Errors), detail: outcome.Message),
    };

    private static Dictionary<string, string[]> ToDictionary(IReadOnlyList<FieldError> errors) =>
        errors.GroupBy(e => e.Field.Length == 0 ? "" : char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}
