namespace PspPortal.Web.Infrastructure;

/// <summary>The portal's one rule for requests that change nothing: GET and HEAD. Such a request may be redirected
/// as it is (to HTTPS), and what it reads once holds for its whole page (the figures stamp, the header's unread count),
/// since no GET handler saves.</summary>
public static class ReadOnlyRequests
{
    public static bool IsReadOnly(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
    }
}
