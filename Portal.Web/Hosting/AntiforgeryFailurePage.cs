using Microsoft.AspNetCore.Antiforgery;

namespace Portal.Web.Hosting;

public static class AntiforgeryFailurePage
{
    /// <summary>
    /// Placed right after UseAntiforgery: a form post whose antiforgery token is missing or tampered with is
    /// sent (303) to the 400 error page, which explains it and answers 400. Left alone, the component endpoint
    /// answers with an empty 400 page, and re-executing a status page would replay the POST.
    /// </summary>
    public static IApplicationBuilder UseAntiforgeryFailurePage(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } failure)
        {
            ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.Security")
                .LogWarning("Refused a form post to {Path}: antiforgery validation failed ({Reason})", ctx.Request.Path, failure.Error?.Message);
            ctx.Response.StatusCode = StatusCodes.Status303SeeOther;
            ctx.Response.Headers.Location = "/error/400";
            return;
        }
        await next();
    });
}
