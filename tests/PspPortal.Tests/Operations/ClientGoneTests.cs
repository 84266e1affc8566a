using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using PspPortal.Web.Infrastructure;

namespace PspPortal.Tests.Operations;

/// <summary>A client that goes away mid-request is not a fault of the portal: 499, no error page, no 500 in the log
/// (the benchmark's wrk stopping used to leave 500s with stack traces). A cancellation that is not the client's goes on.</summary>
public class ClientGoneTests
{
    private sealed class StatusPages : IStatusCodePagesFeature
    {
        public bool Enabled { get; set; } = true;
    }

    private static (DefaultHttpContext Context, StatusPages Pages) Request(bool clientGone)
    {
        var context = new DefaultHttpContext();
        var pages = new StatusPages();
        context.Features.Set<IStatusCodePagesFeature>(pages);
        using var aborted = new CancellationTokenSource();
        if (clientGone)
        {
            aborted.Cancel();
        }

        context.RequestAborted = aborted.Token;
        return (context, pages);
    }

    [Fact]
    public async Task A_request_cancelled_because_the_client_left_is_answered_499_without_an_error_page()
    {
        var (context, pages) = Request(clientGone: true);
        var middleware = new ClientGoneMiddleware(c => throw new OperationCanceledException(c.RequestAborted), NullLogger<ClientGoneMiddleware>.Instance);

        await middleware.InvokeAsync(context);

        Assert.Equal(499, context.Response.StatusCode);
        Assert.False(pages.Enabled);
    }

    [Fact]
    public async Task A_cancellation_while_the_client_still_waits_is_a_fault_and_goes_on()
    {
        var (context, pages) = Request(clientGone: false);
        var middleware = new ClientGoneMiddleware(_ => throw new OperationCanceledException(), NullLogger<ClientGoneMiddleware>.Instance);

        await Assert.ThrowsAsync<OperationCanceledException>(() => middleware.InvokeAsync(context));
        Assert.True(pages.Enabled);
    }
}
