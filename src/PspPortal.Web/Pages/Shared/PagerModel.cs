using System.Globalization;

namespace PspPortal.Web.Pages.Shared;

/// <summary>The model of _Pager: the page, how many there are, and the query of a page number (filters kept).</summary>
public sealed record PagerModel(string PageName, int Current, int Count, Func<int, Dictionary<string, string>> RouteFor)
{
    /// <summary>The page number's name in the query string ("page" is taken by Razor Pages' own route value).</summary>
    public const string QueryName = "pageNumber";

    /// <summary>The query string values of a list page: the filters that are set, and the page number.</summary>
    public static Dictionary<string, string> Query(int page, params (string Name, string? Value)[] filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var query = filters.Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Name, f => f.Value!);
        query[QueryName] = page.ToString(CultureInfo.InvariantCulture);
        return query;
    }
}
