using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.Web.Hosting;

/// <summary>
/// Tells "the database cannot be reached right now" apart from a bug, so both the API and pages answer 503 with
/// Retry-After while it lasts instead of 500 (ADR-027). Nothing is cached: the next request after the database
/// returns simply works.
/// </summary>
public static class DatabaseOutage
{
    public const int RetryAfterSeconds = 15;
    public const string Title = "The database is unavailable";
    public const string Detail = "Portal cannot reach its database right now. Nothing from this request was saved; retry after the time in Retry-After.";

    public static bool IsUnavailable(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Connection classes 08 (connection exception), 57P (shutting down, cannot connect now), 53 (out of resources).
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false; // the server answered: a real error in the statement
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: 5 or 6 or 14 }:
                case TimeoutException:
                case System.Net.Sockets.SocketException:
                    return true;
            }
        }
        return false;
    }

    public static int StatusCodeFor(Exception ex, int otherwise) => IsUnavailable(ex) ? StatusCodes.Status503ServiceUnavailable : otherwise;

    /// <summary>Problem details for the API: a 503 caused by the database says so and when to retry.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        if (!IsUnavailable(context.Exception))
            return;
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.ProblemDetails.Status = StatusCodes.Status503ServiceUnavailable;
        context.ProblemDetails.Title = Title;
        context.ProblemDetails.Detail = Detail;
    }

    /// <summary>For pages: true when this request is showing the error page because the database is down.</summary>
    public static bool IsCurrent(HttpContext? http) =>
        http?.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is { } error && IsUnavailable(error);
}
