using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PspPortal.Tests.Infrastructure;

/// <summary>An HTTP client of the portal that keeps its cookies, reads pages as HTML documents and posts forms
/// with their antiforgery token, like a browser without JavaScript.</summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> GetAsync(string url) => await Http.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<IDocument> GetDocumentAsync(string url)
    {
        var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    /// <summary>Posts the form found by <paramref name="formSelector"/> on the page at <paramref name="pageUrl"/>,
    /// with the page's hidden fields (antiforgery token included) and the given values.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, string formSelector, IDictionary<string, string> values, string? submitName = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var page = await GetDocumentAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            if (!values.ContainsKey(input.Name!))
            {
                fields.Add(new(input.Name!, input.Value));
            }
        }

        fields.AddRange(values);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        if (submitName is not null)
        {
            fields.Add(new(submitName, string.Empty));
        }

        return await PostAsync(target, fields);
    }

    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>The antiforgery token of the page at <paramref name="url"/>, for hand-built posts.</summary>
    public async Task<string> AntiforgeryTokenAsync(string url)
    {
        var page = await GetDocumentAsync(url);
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {url}");
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await SubmitFormAsync("/Account/Login", "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public void Dispose() => Http.Dispose();
}
