using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Api;

/// <summary>The OpenAPI document at /openapi/v1.json parses as OpenAPI and describes every /api/v1 endpoint the app
/// has (read from its EndpointDataSource), with the bearer scheme and the answers 200, 401 and 429; the reference page
/// lists the same endpoints.</summary>
[Collection(ApiTests.Name)]
public class OpenApiDocumentTests(ApiFactory factory)
{
    /// <summary>The app's API routes as OpenAPI writes paths: "/api/v1/sites/{id}".</summary>
    private List<string> AppApiPaths() =>
    [
        .. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).Trim('/'))
            .Where(p => p.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, "{([^:}]+)(:[^}]+)?}", "{$1}"))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public async Task The_document_parses_and_describes_every_api_endpoint()
    {
        using var anonymous = factory.ApiClient(null);
        var response = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var settings = new OpenApiReaderSettings();
        var read = await OpenApiDocument.LoadAsync(stream, "json", settings);
        Assert.NotNull(read.Document);
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var document = read.Document;

        var appPaths = AppApiPaths();
        Assert.Equal(8, appPaths.Count);
        Assert.Equal(appPaths, document.Paths.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.True(document.Components?.SecuritySchemes?.ContainsKey("Bearer"));
        Assert.NotEmpty(document.Security ?? []);
        foreach (var (path, item) in document.Paths)
        {
            var get = item.Operations?[HttpMethod.Get];
            Assert.NotNull(get);
            Assert.False(string.IsNullOrWhiteSpace(get.Summary), $"{path} has no summary.");
            foreach (var status in new[] { "200", "401", "429" })
            {
                Assert.True(get.Responses?.ContainsKey(status), $"{path} does not describe {status}.");
            }

            Assert.True(get.Responses?.ContainsKey(path.Contains('{', StringComparison.Ordinal) ? "404" : "400"), $"{path} lacks its 400 or 404.");
        }
    }

    [Fact]
    public async Task The_reference_page_lists_every_api_endpoint_with_its_parameters()
    {
        using var browser = await factory.SignInAsync(DemoUsers.Analyst);
        var page = await browser.GetDocumentAsync("/Api");
        var headings = page.QuerySelectorAll("h3 code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(AppApiPaths().Select(p => "GET " + p), headings.Order(StringComparer.Ordinal));
        var text = page.Body!.TextContent;
        foreach (var parameter in new[] { "cursor", "limit", "status", "coreArea", "updatedSince", "dueFrom" })
        {
            Assert.Contains(parameter, text, StringComparison.Ordinal);
        }
    }
}
