using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Integration;

namespace Portal.Web.Api;

/// <summary>
/// The ingestion API (issue 6, ADR-020): integration platforms post sync runs and reconciliation exceptions in batches with
/// `X-Api-Key`. Outside the user API's sign-in: the key is the credential. 401 no/unknown/revoked key, 403 a connection the
/// key does not cover, 400 every invalid item (nothing stored), 413 over 10 MB, 429 over the key's rate, 200 committed.
/// </summary>
public static class TelemetryApi
{
    public const string HeaderName = "X-Api-Key";
    public const string RateLimitPolicy = "telemetry";
    public const long MaxBodyBytes = 10 * 1024 * 1024;
    public const string RunsPath = "/api/telemetry/sync-runs";
    public const string ExceptionsPath = "/api/telemetry/reconciliation-exceptions";

    public static IServiceCollection AddTelemetryRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TelemetryOptions>(configuration.GetSection(TelemetryOptions.Section));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, http =>
            {
                var settings = http.RequestServices.GetRequiredService<IOptions<TelemetryOptions>>().Value;
                // Partitioned by the key's hash, never the key itself, so the limiter holds no secrets; no key shares one bucket.
                var presented = http.Request.Headers[HeaderName].ToString();
                var partition = presented.Length is 0 or > 200 ? "-" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presented.Trim())));
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, settings.Burst),
                    TokensPerPeriod = Math.Max(1, settings.RequestsPerSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests for this ingestion key",
                        Detail = $"Send fewer, larger batches or wait {seconds} s before retrying; nothing was stored.",
                    },
                });
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder app)
    {
        var telemetry = app.MapGroup("/api/telemetry").WithTags("Telemetry").AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));

        telemetry.MapPost("/sync-runs", (HttpContext http, TelemetryIngestionService ingestion, CancellationToken ct) =>
            HandleAsync(http, ingestion, "sync runs", TelemetryJson.ReadRuns, ingestion.IngestRunsAsync, ct))
            .Accepts<JsonElement>("application/json");
        telemetry.MapPost("/reconciliation-exceptions", (HttpContext http, TelemetryIngestionService ingestion, CancellationToken ct) =>
            HandleAsync(http, ingestion, "reconciliation exceptions", TelemetryJson.ReadExceptions, ingestion.IngestExceptionsAsync, ct))
            .Accepts<JsonElement>("application/json");
        return app;
    }

    private static async Task<IResult> HandleAsync<T>(HttpContext http, TelemetryIngestionService ingestion, string what,
        Func<JsonElement, TelemetryBatch<T>> read, Func<Portal.Core.Integration.IngestionKey, TelemetryBatch<T>, CancellationToken, Task<IngestOutcome>> ingest,
        CancellationToken ct) where T : class
    {
        // The key first: an unknown sender's body is never read.
        if (await ingestion.AuthenticateAsync(http.Request.Headers[HeaderName], ct) is not { } key)
        {
            http.Response.Headers.WWWAuthenticate = HeaderName;
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Ingestion key missing or not valid",
                detail: $"Send an ingestion key in the {HeaderName} header; unknown and revoked keys are refused.");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = 16 }, ct);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON",
                detail: $"Malformed JSON at line {line}, position {position}: {FirstSentence(e.Message)} Nothing was stored.",
                extensions: new Dictionary<string, object?> { ["line"] = line, ["position"] = position });
        }
        using (document)
        {
            if (!TelemetryJson.CheckRoot(document.RootElement, what, out var problem))
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a batch", detail: problem);
            var outcome = await ingest(key, read(document.RootElement), ct);
            return outcome.Kind switch
            {
                IngestKind.Accepted => TypedResults.Ok(new { accepted = outcome.Accepted, duplicates = outcome.Duplicates }),
                IngestKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The key does not cover this connection",
                    detail: outcome.Message),
                _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid items in the batch", detail: outcome.Message,
                    extensions: new Dictionary<string, object?>
                    {
                        ["errors"] = outcome.Errors.Select(e => new { index = e.Index, field = e.Field, message = e.Message }),
                    }),
            };
        }
    }

    /// <summary>System.Text.Json's message ends with its own "Path: … | LineNumber: …" suffix; the line is reported 1-based instead.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
