namespace PspPortal.Web.Infrastructure;

/// <summary>A request whose client went away (a closed tab, a load test stopping) is cancelled through
/// <see cref="HttpContext.RequestAborted"/>: the query stops and throws <see cref="OperationCanceledException"/>. That
/// is not a fault of the portal, so it is answered 499 (nginx's "client closed request"), which the request log records
/// at Information, instead of reaching the request log and the error page as a 500 with a stack trace.</summary>
public sealed partial class ClientGoneMiddleware(RequestDelegate next, ILogger<ClientGoneMiddleware> logger)
{
    public const int ClientClosedRequest = StatusCodes.Status499ClientClosedRequest;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            LogClientGone(logger);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;

                // Nobody is there to read an error page.
                if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The client closed the request before it was answered.")]
    private static partial void LogClientGone(ILogger logger);
}
