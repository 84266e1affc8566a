using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PspPortal.Web.Authorization;

namespace PspPortal.Web.Pages.Api;

/// <summary>The API's rate limit: <c>Api:RequestsPerMinute</c> per token, in fixed one-minute windows, partitioned by
/// the token's id. It runs as an endpoint filter, after authentication (the portal's rate-limiting middleware runs
/// before it, where the token is not known yet); a request over the limit answers 429 with Retry-After and a problem
/// details body, and reads nothing. One instance for the app (a singleton), asked by the group's filter.</summary>
public sealed class ApiRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly int _perMinute;

    public ApiRateLimiter(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perMinute = _perMinute = options.Value.RequestsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(tokenId => RateLimitPartition.GetFixedWindowLimiter(tokenId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var tokenId = context.HttpContext.User.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)?.Value ?? string.Empty;
        using var lease = _limiter.AttemptAcquire(tokenId);
        if (lease.IsAcquired)
        {
            return await next(context);
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests.",
            detail: $"This token may make {_perMinute} requests a minute. Try again in {seconds} seconds.");
    }

    public void Dispose() => _limiter.Dispose();
}
