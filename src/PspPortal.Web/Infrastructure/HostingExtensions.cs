using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace PspPortal.Web.Infrastructure;

/// <summary>Where the portal is published and what stands in front of it: its public address (<c>App:BaseUrl</c>) and
/// the links made from it, the host names it answers to (<c>AllowedHosts</c>), the reverse proxies whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> it believes (<c>ForwardedHeaders</c>), and HTTPS only outside
/// Development.</summary>
public static class HostingExtensions
{
    public static IServiceCollection AddPortalHosting(this IServiceCollection services)
    {
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AppOptions>, AppOptionsValidator>();
        services.AddHttpContextAccessor();
        services.AddSingleton<PublicUrls>();

        // Host filtering is added by the web host itself, first in the pipeline, from "AllowedHosts". Outside
        // Development "*" is never honoured: the portal answers to App:BaseUrl's host and any other names listed.
        services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<AppOptions>, IHostEnvironment>((hosts, app, environment) =>
        {
            if (environment.IsDevelopment())
            {
                return;
            }

            var allowed = hosts.AllowedHosts.Where(h => !string.IsNullOrWhiteSpace(h) && h.Trim() != "*").Select(h => h.Trim()).ToList();
            if (AppOptions.ParseBaseUrl(app.Value.BaseUrl) is { } baseUri && !allowed.Contains(baseUri.IdnHost, StringComparer.OrdinalIgnoreCase))
            {
                allowed.Add(baseUri.IdnHost);
            }

            hosts.AllowedHosts = allowed;
        });

        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName)
            .Validate(s => s.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ForwardedHeaders:KnownProxies holds IP addresses, such as 10.0.0.5.")
            .Validate(s => s.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "ForwardedHeaders:KnownNetworks holds networks in CIDR notation, such as 10.0.0.0/24.")
            .Validate(s => s.ForwardLimit > 0, "ForwardedHeaders:ForwardLimit is the number of proxies in front of the portal, at least 1.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
        {
            // Only the client address and the scheme; never X-Forwarded-Host (the Host header stays the one filtered).
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = settings.Value.ForwardLimit;
            // The defaults (loopback only) stay: a proxy on the same machine is trusted. Configured proxies are added;
            // the lists are never emptied, which would make every client a trusted proxy.
            foreach (var proxy in settings.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>Believes the forwarded client address and scheme of known proxies only, then (outside Development)
    /// sends a plain-HTTP request to the same page on App:BaseUrl, or refuses it with 400 when it is not a GET or HEAD.
    /// Call first: everything after it (HSTS, cookies, antiforgery, the rate limit, the audit trail) sees the real
    /// client and scheme.</summary>
    public static WebApplication UsePortalProxyAndHttps(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.Use(HttpsOnlyAsync);
        }

        return app;
    }

    /// <summary>Outside Development the cookies are Secure and __Host- prefixed, so a page answered over plain HTTP could
    /// not work (antiforgery refuses to run): such requests never reach the pages. The health check stays reachable over
    /// HTTP for load balancers.</summary>
    private static async Task HttpsOnlyAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.IsHttps || request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var publicUrls = context.RequestServices.GetRequiredService<PublicUrls>();
        if (request.IsReadOnly())
        {
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = publicUrls.For(request.Path.ToUriComponent() + request.QueryString.ToUriComponent());
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync($"The portal answers over HTTPS only: {publicUrls.BaseUri.AbsoluteUri}", context.RequestAborted);
    }
}

/// <summary>The "ForwardedHeaders" configuration section: the reverse proxies in front of the portal.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (loopback always is).</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks (CIDR, such as 10.0.0.0/24) whose proxies are believed.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies stand in a row in front of the portal.</summary>
    public int ForwardLimit { get; set; } = 1;
}
