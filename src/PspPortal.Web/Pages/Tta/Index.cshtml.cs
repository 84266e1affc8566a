using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Tta;

public class IndexModel(PortalDbContext db, SiteScope siteScope, CurrentUser currentUser, RequestQueries queries, ProgramFigures figures) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The filter, bound from the query string (named like the form's fields), so a view can be bookmarked.</summary>
    [FromQuery]
    public RequestFilter Filter { get; set; } = new();

    /// <summary>Not "Page": Razor Pages keeps the page's name in the route value "page".</summary>
    [FromQuery]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<RequestRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public PagerModel Pager { get; private set; } = null!;
    public IReadOnlyList<Choice> Sites { get; private set; } = [];
    public IReadOnlyList<Choice> CoreAreas { get; private set; } = [];
    public IReadOnlyList<Choice> Cohorts { get; private set; } = [];

    /// <summary>Too many sites to list: the site filter offers a cohort's sites once a cohort is chosen.</summary>
    public bool ChooseCohortFirst { get; private set; }
    public bool MaySubmit { get; private set; }
    public bool IsFiltered => Filter.ToQuery().Keys.Any(k => k != "Sort");

    /// <summary>The same list as CSV: every request that passes the filter, on all pages.</summary>
    public string ExportUrl => ListUrl.For("/Tta/Export", Filter.ToQuery());

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A hostile or stale query string (unknown status, a page number that is no number) is left unbound: the
        // defaults stand. Filtering by a site or cohort outside the scope answers as if it did not exist.
        ModelState.Clear();
        Filter.Normalize();
        if (!await siteScope.FiltersInScopeAsync(Filter.Site, Filter.Cohort, cancellationToken))
        {
            return NotFound();
        }

        var scope = await siteScope.CurrentAsync(cancellationToken);
        var requests = Filter.Apply(db.TtaRequests.AsNoTracking().InScope(scope), queries.Today);
        // The count is cached until the data changes (ProgramFigures); the page's rows are found by their ids first,
        // which the indexes answer without reading the rows skipped, then read whole.
        var filter = Filter.ToQuery();
        filter.Remove("Sort");
        Total = await figures.CountAsync(db, $"tta|{ProgramFigures.ScopeKey(scope)}|{queries.Today:O}|{ListUrl.For(string.Empty, filter)}", requests, cancellationToken);
        Pager = new PagerModel(PageNumber, Total, PageSize, "/Tta", Filter.ToQuery(), "Pages of requests", nameof(PageNumber));
        var ids = await requests.Select(r => r.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync(cancellationToken);
        var rows = await queries.Rows(db.TtaRequests.AsNoTracking().Where(r => ids.Contains(r.Id))).ToListAsync(cancellationToken);
        Rows = [.. rows.OrderBy(r => ids.IndexOf(r.Id))];

        var choices = await FilterChoices.ForListAsync(figures, db, scope, Filter.Cohort, Filter.Site, cancellationToken);
        Sites = choices.Sites.Options;
        ChooseCohortFirst = choices.Sites.ChooseCohortFirst;
        CoreAreas = choices.CoreAreas;
        Cohorts = choices.Cohorts;
        MaySubmit = currentUser.MaySubmitRequests;
        return Page();
    }
}
