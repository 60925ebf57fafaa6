using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Security;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Web.Features.Account;
using Portal.Web.Features.ApiTokens;

namespace Portal.Web.Hosting;

public static class IdentityRegistration
{
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, PortalRevalidatingAuthenticationStateProvider>();

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            });
        authentication.AddIdentityCookies();
        // Personal API tokens on /api only; pages keep the cookie alone (see PortalApi).
        authentication.AddScheme<AuthenticationSchemeOptions, PersonalApiTokenHandler>(PersonalApiTokenHandler.SchemeName, null);
        authentication.AddPolicyScheme(PersonalApiTokenHandler.ApiScheme, "Sign-in cookie or personal API token", o =>
            o.ForwardDefaultSelector = ctx => PersonalApiTokenHandler.HasBearer(ctx.Request)
                ? PersonalApiTokenHandler.SchemeName
                : IdentityConstants.ApplicationScheme);

        services.AddIdentityCore<PortalUser>(o =>
            {
                o.Password.RequiredLength = PasswordRules.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = PasswordRules.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = PasswordRules.LockoutDuration;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            // Keep the original sign-in time when the principal is rebuilt, so the 12-hour limit is absolute.
            o.OnRefreshingPrincipal = ctx =>
            {
                if (ctx.NewPrincipal is { } refreshed)
                    SessionLifetime.CarrySignInTime(ctx.CurrentPrincipal, refreshed);
                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "Portal.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = PasswordRules.IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Events = new CookieAuthenticationEvents
            {
                OnSigningIn = SessionLifetime.StampSignInTime,
                OnValidatePrincipal = async ctx =>
                {
                    if (SessionLifetime.IsPastAbsoluteLimit(ctx.Principal, ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>()))
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }
                    // A circuit's WebSocket request lives as long as its tab, and so does everything resolved from its
                    // RequestServices: the stamp validator's SignInManager, UserManager, stores and a PortalDbContext per
                    // open tab (ADR-028). Validate in a scope of its own, disposed at once.
                    await using var scope = ctx.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ISecurityStampValidator>().ValidateAsync(ctx);
                },
                // The API answers 401/403; only pages get the login redirect.
                OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden),
            };
        });

        return services;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
