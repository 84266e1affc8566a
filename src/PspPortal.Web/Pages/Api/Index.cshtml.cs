using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using PspPortal.Web.Infrastructure;

namespace PspPortal.Web.Pages.Api;

/// <summary>The API reference for people (/Api): how tokens, scope, paging and the rate limit work, and every endpoint
/// with its parameters and answers. The endpoints come from the same API descriptions the OpenAPI document is made of,
/// so the page cannot drift from the API.</summary>
public partial class IndexModel(IApiDescriptionGroupCollectionProvider descriptions, IOptions<ApiOptions> options, PublicUrls publicUrls) : PageModel
{
    public sealed record Parameter(string Name, string Where, string Description);

    public sealed record Endpoint(string Method, string Path, string Summary, string Description, IReadOnlyList<Parameter> Parameters, IReadOnlyList<int> Statuses)
    {
        public string Anchor => (Method + Path).Replace('/', '-').Replace('{', '-').Replace('}', '-').ToLowerInvariant();
    }

    public IReadOnlyList<Endpoint> Endpoints { get; private set; } = [];
    public ApiOptions Settings => options.Value;
    public string DocumentPath => ApiEndpoints.DocumentPath;

    /// <summary>The example's address, on the portal's public address (App:BaseUrl), never the request's Host.</summary>
    public string ExampleUrl => publicUrls.For(ApiEndpoints.Prefix + "/sites");

    public void OnGet()
    {
        var prefix = ApiEndpoints.Prefix.TrimStart('/') + "/";
        Endpoints = [.. descriptions.ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true)
            .Select(d => new Endpoint(
                d.HttpMethod ?? "GET",
                // As OpenAPI writes the path: "{id}", without the route constraint.
                "/" + RouteConstraint().Replace(d.RelativePath!, "{$1}"),
                d.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary ?? string.Empty,
                d.ActionDescriptor.EndpointMetadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description ?? string.Empty,
                [.. d.ParameterDescriptions
                    .Where(p => p.Source == BindingSource.Query || p.Source == BindingSource.Path)
                    .Select(p => new Parameter(p.Name, p.Source == BindingSource.Path ? "path" : "query", DescriptionOf(p)))],
                [.. d.SupportedResponseTypes.Select(r => r.StatusCode).Distinct().Order()]))
            .OrderBy(e => e.Path, StringComparer.Ordinal)];
    }

    [System.Text.RegularExpressions.GeneratedRegex("{([^:}]+):[^}]+}")]
    private static partial System.Text.RegularExpressions.Regex RouteConstraint();

    private static string DescriptionOf(ApiParameterDescription parameter) =>
        (parameter.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttribute<DescriptionAttribute>()?.Description
        ?? (parameter.Source == BindingSource.Path ? "The item's id." : string.Empty);
}
