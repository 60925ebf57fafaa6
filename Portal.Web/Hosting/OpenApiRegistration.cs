using Microsoft.OpenApi;
using Portal.Web.Features.ApiTokens;

namespace Portal.Web.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json, with the personal API token documented as a bearer scheme.</summary>
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
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(PersonalApiTokenHandler.SchemeName, document)] = [],
            });
            return Task.CompletedTask;
        }));

    /// <summary>Anonymous: the document describes the API's shape and no data.</summary>
    public static IEndpointRouteBuilder MapPortalOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
