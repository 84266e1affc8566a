using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PspPortal.Web.Infrastructure;

/// <summary>How large a request the portal accepts, sized for what it has: forms of a few fields and at most 4,000
/// characters a field, and no file uploads. A larger request is refused with 413 and the error page's "The form you
/// sent was too large" before any page reads it, so nothing is stored; the error page itself never reads a form.</summary>
public static class RequestLimits
{
    /// <summary>A whole request body: 1 MiB. The longest form (a new TTA request, about 6,300 characters at most) is
    /// under 60 KB on the wire even in a three-byte script, percent-encoded.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Fields in one form: 200. The largest form has about fifteen.</summary>
    public const int MaxFormFields = 200;

    /// <summary>One field's value: 64 KiB. The longest field (4,000 characters: a description, comment or note) is
    /// 36,000 bytes when every character takes three UTF-8 bytes, percent-encoded.</summary>
    public const int MaxFieldBytes = 64 * 1024;

    /// <summary>One field's name: 256 bytes (the longest, __RequestVerificationToken, has 26).</summary>
    public const int MaxFieldNameBytes = 256;

    /// <summary>Kestrel's own limit on the body, which holds for a body without a Content-Length too.</summary>
    public static void Apply(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
    }

    public static IServiceCollection AddPortalRequestLimits(this IServiceCollection services) =>
        services.Configure<FormOptions>(form =>
        {
            form.ValueCountLimit = MaxFormFields;
            form.ValueLengthLimit = MaxFieldBytes;
            form.KeyLengthLimit = MaxFieldNameBytes;
            form.MultipartBodyLengthLimit = MaxBodyBytes;
        });

    /// <summary>Refuses a request over the limits with 413 (a form that cannot be read at all with 400), leaving the page
    /// to the status code pages. Runs after authorization, so only a request that may reach its page has its form read;
    /// a re-executed error page is let through, as it never reads the form.</summary>
    public static IApplicationBuilder UsePortalRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (context.Request.HasFormContentType)
        {
            try
            {
                // Read (and keep) the form here, within FormOptions' limits, so that no page meets a form it cannot read.
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException e)
            {
                // FormReader says "Form value count limit … exceeded" and the like; anything else is a malformed form.
                context.Response.StatusCode = e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                    ? StatusCodes.Status413PayloadTooLarge
                    : StatusCodes.Status400BadRequest;
                return;
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException e)
            {
                // Kestrel: a body beyond MaxRequestBodySize (413) or a broken one (400).
                context.Response.StatusCode = e.StatusCode;
                return;
            }
        }

        await next(context);
    });
}
