namespace PspPortal.Web.Pages;

/// <summary>What the pager partial needs: the page, the page count and the query values of any page.</summary>
public sealed record PagerModel(int Page, int PageCount, Func<int, IDictionary<string, string>> RouteFor)
{
    /// <summary>First, last and the pages around the current one; null stands for a gap.</summary>
    public IEnumerable<int?> PagesToShow()
    {
        int? previous = null;
        for (var p = 1; p <= PageCount; p++)
        {
            if (p == 1 || p == PageCount || Math.Abs(p - Page) <= 2)
            {
                if (previous is { } prev && p - prev > 1)
                {
                    yield return null;
                }

                yield return p;
                previous = p;
            }
        }
    }
}
