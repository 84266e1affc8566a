using System.Security.Cryptography;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PspPortal.Web.Infrastructure;

/// <summary>The response headers that every answer carries: a strict Content-Security-Policy with a per-request
/// nonce for scripts (no inline-script or inline-style allowance anywhere), no sniffing, no framing, a strict referrer policy and no powerful
/// browser features.</summary>
public static class SecurityHeaders
{
    public const string NonceKey = "csp-nonce";

    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>The nonce of this request, for an inline script: <c>&lt;script psp-nonce&gt;</c>.</summary>
    public static string CspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[NonceKey] as string ?? string.Empty;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            await next(context);
        });
}

/// <summary><c>&lt;script psp-nonce&gt;...&lt;/script&gt;</c> gets the request's CSP nonce, so that an inline script runs
/// under the policy without any inline allowance.</summary>
[HtmlTargetElement("script", Attributes = "psp-nonce")]
public sealed class NonceTagHelper(IHttpContextAccessor httpContextAccessor) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.RemoveAll("psp-nonce");
        var http = httpContextAccessor.HttpContext;
        if (http is not null)
        {
            output.Attributes.SetAttribute("nonce", http.CspNonce());
        }
    }
}
