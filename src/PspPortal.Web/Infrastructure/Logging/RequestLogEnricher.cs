using System.Security.Claims;
using Serilog;

namespace PspPortal.Web.Infrastructure.Logging;

/// <summary>Adds to the one log event of each request (UseSerilogRequestLogging) who made it and what answered:
/// <c>UserId</c> (the account's id, or nothing when signed out; never a name, e-mail or cookie), <c>RouteName</c>
/// (the Razor page, such as <c>/Tta/Details</c>, or the endpoint's route pattern, never the raw path with its
/// values) and <c>InstanceName</c> (which web server answered, behind a load balancer). StatusCode and Elapsed are
/// in the event already.</summary>
public static class RequestLogEnricher
{
    private static readonly string Instance = Environment.MachineName;

    public static void Enrich(IDiagnosticContext diagnostics, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(context);
        diagnostics.Set("UserId", context.User.FindFirstValue(ClaimTypes.NameIdentifier));
        diagnostics.Set("RouteName", RouteOf(context));
        diagnostics.Set("InstanceName", Instance);
    }

    private static string? RouteOf(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            return null;
        }

        var page = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>();
        if (page is not null)
        {
            return page.ViewEnginePath;
        }

        // A route pattern, such as /Calendar/{token}.ics: the template, not the values.
        return (endpoint as RouteEndpoint)?.RoutePattern.RawText is { } pattern
            ? SecretPathRedactor.Redact(pattern)
            : endpoint.DisplayName;
    }
}
