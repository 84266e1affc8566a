using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PspPortal.BrowserTests.Infrastructure;

/// <summary>The routes of the running portal, read from its own endpoints (as the authorization matrix of the page
/// tests does), so that a test built on them cannot leave a new page out.</summary>
public sealed record AppRoutes(IReadOnlyList<string> Pages, IReadOnlyList<string> OtherEndpoints)
{
    public IEnumerable<string> All => Pages.Concat(OtherEndpoints);

    /// <summary>Route patterns without their slashes (<c>""</c> for the home page, <c>Sites/{id:int}</c>), Razor
    /// pages apart from other endpoints (the health check, the calendar feed).</summary>
    public static AppRoutes Of(PortalServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var pages = Patterns(endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null));
        var others = Patterns(endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)).Except(pages, StringComparer.Ordinal).ToList();
        return new AppRoutes(pages, others);
    }

    private static List<string> Patterns(IEnumerable<RouteEndpoint> endpoints)
    {
        var patterns = endpoints.Select(e => (e.RoutePattern.RawText ?? string.Empty).Trim('/')).ToHashSet(StringComparer.Ordinal);

        // A Razor page named Index answers at its folder too: keep the folder's route only.
        return [.. patterns.Where(p => !(p == "Index" || (p.EndsWith("/Index", StringComparison.Ordinal) && patterns.Contains(p[..^"/Index".Length])))).Order(StringComparer.Ordinal)];
    }
}
