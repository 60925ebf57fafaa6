using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data.Identity;

namespace Portal.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/Account");

        // A form post, so antiforgery validation applies.
        account.MapPost("/Logout", async ([FromForm] string? reason, SignInManager<PortalUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(reason == "idle" ? "/Account/Login?reason=idle" : "/Account/Login?reason=signedout");
        }).RequireAuthorization();

        // Called by wwwroot/js/session.js while the user is active, so the 30-minute sliding cookie follows
        // real activity in a Blazor circuit (which otherwise makes no HTTP requests).
        account.MapGet("/KeepAlive", () => TypedResults.NoContent()).RequireAuthorization();
        return app;
    }
}
