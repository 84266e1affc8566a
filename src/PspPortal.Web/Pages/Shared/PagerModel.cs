using System.Globalization;

namespace PspPortal.Web.Pages.Shared;

/// <summary>Which page of a list is shown, and the model of _Pager, the one pager of every paged list. This is the one
/// place that counts a list's pages and keeps the page asked for between the first and the last. A link to another
/// page is the list's own URL with its filter (the list's query-string names) and the page number, so that any page
/// of a filtered view can be bookmarked and shared.</summary>
public sealed class PagerModel
{
    /// <summary>The page number's name in the query string ("page" is taken by Razor Pages' own route value).</summary>
    public const string QueryName = "pageNumber";

    private readonly string _path;
    private readonly IReadOnlyDictionary<string, string?> _filter;
    private readonly string _queryName;

    /// <param name="requested">The page asked for (bound from the query string); out of range means the nearest.</param>
    /// <param name="total">How many rows the filtered list has.</param>
    /// <param name="size">How many rows a page shows.</param>
    /// <param name="path">The list's URL, such as "/Sites".</param>
    /// <param name="filter">The list's filter as query-string values (empty ones are left out of links).</param>
    /// <param name="label">What the pager is called for a screen reader, such as "Pages of sites".</param>
    /// <param name="queryName">The page number's name in the list's links.</param>
    public PagerModel(int requested, int total, int size, string path, IReadOnlyDictionary<string, string?> filter, string label, string queryName = QueryName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Size = size;
        Count = CountFor(total, size);
        Current = Math.Clamp(requested, 1, Count);
        Label = label;
        _path = path;
        _filter = filter;
        _queryName = queryName;
    }

    public int Current { get; }

    public int Count { get; }

    public int Size { get; }

    public string Label { get; }

    /// <summary>The rows before this page, for <c>Skip</c>.</summary>
    public int Skip => (Current - 1) * Size;

    /// <summary>The page numbers the pager links to: the first, the last, and those next to this one.</summary>
    public IReadOnlyList<int> Numbers =>
        [.. new[] { 1, Current - 1, Current, Current + 1, Count }.Where(n => n >= 1 && n <= Count).Distinct().Order()];

    /// <summary>How many pages <paramref name="total"/> rows fill, <paramref name="size"/> a page; an empty list has one.</summary>
    public static int CountFor(int total, int size) => Math.Max(1, (total + size - 1) / size);

    /// <summary>The list's URL on another page, its filter kept; the first page has no page number.</summary>
    public string UrlFor(int page)
    {
        var query = _filter.ToList();
        if (page > 1)
        {
            query.Add(new(_queryName, page.ToString(CultureInfo.InvariantCulture)));
        }

        return ListUrl.For(_path, query);
    }
}
