using Microsoft.AspNetCore.WebUtilities;

namespace PspPortal.Web.Pages.Shared;

/// <summary>A list's URL with its filter in the query string, for links that keep the filter (another page, the CSV).</summary>
public static class ListUrl
{
    /// <summary>The path with the query values that are set; empty ones are left out.</summary>
    public static string For(string path, IEnumerable<KeyValuePair<string, string?>> query) =>
        QueryHelpers.AddQueryString(path, query.Where(v => !string.IsNullOrEmpty(v.Value)));
}
