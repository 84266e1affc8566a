using Microsoft.Extensions.Options;

namespace PspPortal.Web.Infrastructure;

/// <summary>
/// The one place that makes absolute links to the portal: calendar feed links and the events inside a feed, one-time
/// set-password links, and the sign-in and access-denied redirects. They start with <c>App:BaseUrl</c>, never with the
/// request's Host header or scheme, which the client (or a proxy) chooses. Only in Development, when App:BaseUrl is not
/// set, is the request's own address used, so that `dotnet run` needs no configuration.
/// </summary>
public sealed class PublicUrls(IOptions<AppOptions> options, IHostEnvironment environment, IHttpContextAccessor httpContextAccessor)
{
    private readonly Uri? _configured = AppOptions.ParseBaseUrl(options.Value.BaseUrl);

    /// <summary>The portal's public address, ending in a slash.</summary>
    public Uri BaseUri => _configured ?? FromRequest();

    /// <summary>The absolute address of a path of the portal, such as <c>/Calendar/x.ics</c> or
    /// <c>Account/SetPassword?userId=…</c> (relative to the portal's root, whatever path App:BaseUrl has).</summary>
    public string For(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        // "./" keeps a colon in the first segment from being read as a scheme.
        return new Uri(BaseUri, "./" + pathAndQuery.TrimStart('/')).AbsoluteUri;
    }

    /// <summary>Moves an absolute address that ASP.NET Core built from the request (scheme, Host header and path base)
    /// onto the public address; any other address is returned as it is.</summary>
    public string Rebase(string address, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(request);
        var origin = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return address.StartsWith(origin, StringComparison.OrdinalIgnoreCase) && (address.Length == origin.Length || address[origin.Length] is '/' or '?')
            ? For(address[origin.Length..])
            : address;
    }

    private Uri FromRequest()
    {
        if (!environment.IsDevelopment())
        {
            // Start-up validation (AppOptionsValidator) makes this unreachable outside Development.
            throw new InvalidOperationException("App:BaseUrl is not set.");
        }

        var request = httpContextAccessor.HttpContext?.Request
            ?? throw new InvalidOperationException("App:BaseUrl is not set and there is no request to take the address from.");
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }
}
