using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Tta;

public class IndexModel(PortalDbContext db, SiteScope siteScope, RequestQueries queries) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The filter, bound from the query string (named like the form's fields), so a view can be bookmarked.</summary>
    [BindProperty(SupportsGet = true)]
    public RequestFilter Filter { get; set; } = new();

    /// <summary>Not "Page": Razor Pages keeps the page's name in the route value "page".</summary>
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<RequestRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; }
    public IReadOnlyList<Choice> Sites { get; private set; } = [];
    public IReadOnlyList<Choice> CoreAreas { get; private set; } = [];
    public IReadOnlyList<Choice> Cohorts { get; private set; } = [];
    public bool MaySubmit { get; private set; }
    public bool IsFiltered => Filter.ToRouteValues().Keys.Any(k => k != "Sort");

    public sealed record Choice(int Id, string Name);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A hostile or stale query string (unknown status, a page number out of range) falls back to the defaults.
        if (!ModelState.IsValid)
        {
            foreach (var (key, entry) in ModelState)
            {
                if (entry.Errors.Count > 0)
                {
                    ResetInvalid(key);
                }
            }

            ModelState.Clear();
        }

        if (Filter.Q is { Length: > RequestFilter.MaxTextLength } q)
        {
            Filter.Q = q[..RequestFilter.MaxTextLength];
        }

        // Filtering by a site or cohort outside the scope answers as if it did not exist.
        if (!await queries.AreFiltersInScopeAsync(Filter, cancellationToken))
        {
            return NotFound();
        }

        var scope = await siteScope.CurrentAsync(cancellationToken);
        var requests = await queries.FilteredAsync(Filter, cancellationToken);
        Total = await requests.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await queries.Rows(requests).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);

        Sites = await db.Sites.AsNoTracking().InScope(scope).OrderBy(s => s.Name).ThenBy(s => s.State)
            .Select(s => new Choice(s.Id, s.Name + ", " + s.State)).ToListAsync(cancellationToken);
        CoreAreas = await db.CoreAreas.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new Choice(c.Id, c.IsActive ? c.Name : c.Name + " (retired)")).ToListAsync(cancellationToken);
        var scopedEngagements = db.Engagements.AsNoTracking().InScope(scope);
        Cohorts = await db.Cohorts.AsNoTracking().Where(c => scopedEngagements.Any(e => e.CohortId == c.Id)).OrderBy(c => c.Year).ThenBy(c => c.Name)
            .Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken);
        MaySubmit = TtaPermissions.MaySubmit([.. Roles.All.Where(User.IsInRole)]);
        return Page();
    }

    /// <summary>The URL of this list with the same filter, on another page or as CSV.</summary>
    public string UrlFor(string page, int? pageNumber = null)
    {
        var values = Filter.ToRouteValues();
        if (pageNumber is > 1)
        {
            values["PageNumber"] = pageNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(page, values);
    }

    private void ResetInvalid(string key)
    {
        switch (key)
        {
            case "PageNumber":
                PageNumber = 1;
                break;
            case "Status":
                Filter.Status = null;
                break;
            case "CoreArea":
                Filter.CoreArea = null;
                break;
            case "Site":
                Filter.Site = null;
                break;
            case "Cohort":
                Filter.Cohort = null;
                break;
            case "Overdue":
                Filter.Overdue = false;
                break;
            case "Sort":
                Filter.Sort = RequestSort.Updated;
                break;
        }
    }
}
