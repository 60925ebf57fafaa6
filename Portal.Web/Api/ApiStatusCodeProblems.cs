using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Api;

/// <summary>
/// Marks an endpoint whose contract answers an oversized body with 400 (issue 3: "malformed JSON, fields of the wrong
/// type, oversized bodies: 400"), where Kestrel's body limit would otherwise say 413.
/// </summary>
public sealed class OversizedBodyIsBadRequest(int maxBytes)
{
    public int MaxBytes { get; } = maxBytes;
}

/// <summary>
/// Writes problem details for API responses that end with an error status and no body (minimal APIs answer a body
/// they cannot read that way), turning 413 into 400 where the endpoint promises it.
/// </summary>
internal static class ApiStatusCodeProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<OversizedBodyIsBadRequest>();
        var problem = new ProblemDetails { Status = http.Response.StatusCode };
        if (http.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && limit is not null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            problem.Status = StatusCodes.Status400BadRequest;
            problem.Title = "The request body is too large";
            problem.Detail = $"This endpoint accepts at most {limit.MaxBytes / 1024} KB; nothing was changed.";
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
