using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PspPortal.Web.Pages.Api;

/// <summary>The OpenAPI document at /openapi/v1.json: the /api/v1 endpoints only (the calendar feed is no part of the
/// API), with the bearer token scheme.</summary>
internal static class ApiDocument
{
    public const string SecuritySchemeName = "Bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description =>
            description.RelativePath?.StartsWith(ApiEndpoints.Prefix.TrimStart('/') + "/", StringComparison.OrdinalIgnoreCase) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PSP Portal API";
            document.Info.Version = "v1";
            document.Info.Description = "Read-only data of the Public Safety Partnership portal, scoped like the pages. "
                + "Authenticate with a personal access token made on /Account/Manage: \"Authorization: Bearer psp_…\". "
                + "Lists are paged by opaque cursors (`next`); each token may make Api:RequestsPerMinute requests a minute.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token (psp_…) made on /Account/Manage.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [],
            });
            return Task.CompletedTask;
        });
    }
}
