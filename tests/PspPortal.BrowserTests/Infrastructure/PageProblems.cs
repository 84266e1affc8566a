using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PspPortal.BrowserTests.Infrastructure;

/// <summary>Everything that goes wrong in one page: console errors, script errors, failed requests to the portal and
/// its answers of 400 or more.</summary>
public sealed class PageProblems
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly Uri _portal;

    /// <param name="page">the page to watch</param>
    /// <param name="portal">the portal's address: requests elsewhere are not the portal's problems</param>
    /// <param name="documentStatusIsChecked">true when the caller checks the status of every page it opens itself (an
    /// error page may be expected), so that only the page's other requests are watched for errors</param>
    public PageProblems(IPage page, Uri portal, bool documentStatusIsChecked = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        _portal = portal;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !(documentStatusIsChecked && message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)))
            {
                _problems.Enqueue($"console error on {message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"script error: {error}");
        page.RequestFailed += (_, request) =>
        {
            if (IsPortal(request.Url))
            {
                _problems.Enqueue($"{request.Method} {request.Url} failed: {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (IsPortal(response.Url) && response.Status >= 400 && !(documentStatusIsChecked && response.Request.IsNavigationRequest))
            {
                _problems.Enqueue($"{response.Request.Method} {response.Url} answered {response.Status}");
            }
        };
    }

    /// <summary>Fails with everything that went wrong in the page since the last call; each problem is told once.</summary>
    public void AssertNone()
    {
        var problems = new List<string>();
        while (_problems.TryDequeue(out var problem))
        {
            problems.Add(problem);
        }

        Assert.True(problems.Count == 0, "The browser saw problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    private bool IsPortal(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && Uri.Compare(uri, _portal, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
