namespace Portal.Web.Features.Account;

/// <summary>
/// A user whose password was set by an administrator must choose their own before using anything else.
/// </summary>
public static class MustChangePasswordMiddleware
{
    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.HasClaim(PortalClaims.MustChangePassword, "true") && !IsAllowed(ctx.Request.Path))
        {
            if (ctx.Request.Path.StartsWithSegments("/api"))
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                await ctx.Response.WriteAsJsonAsync(new { title = "Change your password before using the API.", status = 403 });
                return;
            }
            ctx.Response.Redirect("/Account/ChangePassword?required=true");
            return;
        }
        await next();
    });

    private static bool IsAllowed(PathString path) =>
        path.StartsWithSegments("/Account") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/health") || path.StartsWithSegments("/error") || Path.HasExtension(path.Value);
}
