using Portal.Web.Api;
using Portal.Web.Components;
using Portal.Web.Features.Account;
using Portal.Web.Hosting;
using Radzen;

var builder = WebApplication.CreateBuilder(args);

// Package static web assets (Radzen's scripts and themes) are served from the build output in every
// environment, so `dotnet run` works without a publish step.
builder.WebHost.UseStaticWebAssets();

DatabaseSettings database;
try
{
    database = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
{
    // Logging is not built yet: one clear line on stderr instead of a stack trace.
    Console.Error.WriteLine($"Portal cannot start: {ex.Message}");
    return 1;
}
builder.Services.AddSingleton(database);
builder.Services.AddPortalDatabase(database);
builder.Services.AddPortalDataProtection();
builder.Services.AddPortalIdentity();
builder.Services.AddPortalJobs(builder.Configuration, database);
builder.Services.AddPortalHealthChecks();
builder.Services.AddPortalFeatures(builder.Configuration);
builder.Services.AddPortalDiagnostics(builder.Configuration);
builder.Services.AddRadzenComponents();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = DatabaseOutage.Customize);
builder.Services.AddPortalOpenApi();
builder.Services.ConfigureHttpJsonOptions(o =>
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));

// Disposed on every exit path, so queued log lines (e.g. why start-up failed) are flushed before the process ends.
await using var app = builder.Build();

var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;
if (args.Contains("--migrate"))
{
    // Ops command: apply migrations (and create roles) without starting the site.
    var ok = await DatabaseStartup.PrepareAsync(app.Services, migrate: true, seed: false);
    return ok ? 0 : 1;
}
if (!await DatabaseStartup.PrepareAsync(app.Services, options.MigrateOnStartup, seed: true))
    return 1;

// Pages get the friendly error pages. The API branch inside answers first with problem details, so the page
// handlers outside see a response that is already written and leave it alone.
// A database outage answers 503 (pages and API) rather than 500: it is not a bug and passes by itself.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    CreateScopeForErrors = true,
    StatusCodeSelector = ex => DatabaseOutage.StatusCodeFor(ex, StatusCodes.Status500InternalServerError),
});
app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api =>
{
    // A bad request body surfaces as BadHttpRequestException (in Development it is thrown): keep its 4xx status.
    api.UseExceptionHandler(new ExceptionHandlerOptions
    {
        StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : DatabaseOutage.StatusCodeFor(ex, StatusCodes.Status500InternalServerError),
    });
    api.UseStatusCodePages(ApiStatusCodeProblems.WriteAsync);
});
app.UsePortalSecurityHeaders();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMustChangePassword();
app.UseAntiforgery();
app.UseAntiforgeryFailurePage();

app.MapBlazorScript();
app.MapStaticAssets().AllowAnonymous();
app.MapPortalHealth();
app.MapAccountEndpoints();
app.MapPortalApi();
app.MapPortalOpenApi();
app.MapPortalDiagnostics(builder.Configuration);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

try
{
    await app.RunAsync();
}
catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    app.Logger.LogCritical("Cannot listen: {Problem} Stop the other process or set --urls / Urls to a free port.", ex.Message);
    return 1;
}
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
