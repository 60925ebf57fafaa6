using Microsoft.OpenApi;
using Portal.Web.Features.ApiTokens;

namespace Portal.Web.Hosting;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, with the personal API token documented as a bearer scheme and the ingestion
/// key (X-Api-Key) as the scheme of the telemetry endpoints.
/// </summary>
public static class OpenApiRegistration
{
    public static IServiceCollection AddPortalOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[PersonalApiTokenHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal API token (pat_...), created on your profile page.",
            };
            document.Components.SecuritySchemes[IngestionKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = Portal.Web.Api.TelemetryApi.HeaderName,
                Description = "An ingestion key (ing_...), created on a connection's page; only for /api/telemetry/*.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(PersonalApiTokenHandler.SchemeName, document)] = [],
            });
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, context, _) =>
        {
            // The telemetry endpoints take the ingestion key instead of the user's token or cookie.
            if (context.Description.RelativePath?.StartsWith("api/telemetry/", StringComparison.Ordinal) == true)
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(IngestionKeyScheme, context.Document)] = [] }];
            return Task.CompletedTask;
        }));

    private const string IngestionKeyScheme = "IngestionKey";

    /// <summary>Anonymous: the document describes the API's shape and no data.</summary>
    public static IEndpointRouteBuilder MapPortalOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
