using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Sites;

public class IndexModel(SiteQueries queries, SiteScope siteScope, CurrentUser currentUser, PortalDbContext db, ProgramFigures figures) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The filter, bound from the query string (named like the form's fields), so a view can be bookmarked.</summary>
    [FromQuery]
    public FilterModel Filter { get; set; } = new();

    [FromQuery(Name = PagerModel.QueryName)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];
    public int Total { get; private set; }
    public PagerModel Pager { get; private set; } = null!;
    public IReadOnlyList<Choice> Cohorts { get; private set; } = [];
    public IReadOnlyList<string> States { get; private set; } = [];

    /// <summary>The user's scope is every site (administrators and BJA staff), for the page's words.</summary>
    public bool SeesEverySite { get; private set; }

    public sealed class FilterModel
    {
        public int? Cohort { get; set; }
        public string? State { get; set; }
        public EngagementStatus? Status { get; set; }

        /// <summary>The filter as query-string values, for links that keep it.</summary>
        public Dictionary<string, string?> ToQuery() => new()
        {
            ["cohort"] = Cohort?.ToString(CultureInfo.InvariantCulture),
            ["state"] = State,
            ["status"] = Status?.ToString(),
        };

        /// <summary>The sites that pass the filter; the engagement status is that of the site's current engagement.</summary>
        public IQueryable<Site> Apply(IQueryable<Site> sites)
        {
            if (Cohort is { } cohortId)
            {
                sites = sites.Where(s => s.Engagements.Any(e => e.CohortId == cohortId));
            }

            if (!string.IsNullOrWhiteSpace(State))
            {
                var state = State.Trim().ToUpperInvariant();
                sites = sites.Where(s => s.State == state);
            }

            if (Status is { } status)
            {
                sites = sites.Where(s => s.Engagements.OrderByDescending(e => e.StartDate).Select(e => e.Status).FirstOrDefault() == status);
            }

            return sites;
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Bad query values (a page of -5, an unknown status) are left unbound: the defaults stand. A cohort out of
        // scope answers as if it did not exist.
        ModelState.Clear();
        Filter.Cohort = Filter.Cohort is > 0 ? Filter.Cohort : null;
        if (!await siteScope.FiltersInScopeAsync(null, Filter.Cohort, cancellationToken))
        {
            return NotFound();
        }

        SeesEverySite = await currentUser.SeesEverySiteAsync(cancellationToken);
        // The filter's choices and the count change only with sites, cohorts and engagements, which write the figures
        // stamp: kept under it, as the other lists' are.
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var scopeKey = ProgramFigures.ScopeKey(scope);
        var inScope = db.Sites.AsNoTracking().InScope(scope);
        (States, Cohorts) = await figures.KeptSmallAsync(db, $"sites-filter|{scopeKey}", async token => (
            (IReadOnlyList<string>)await inScope.Select(s => s.State).Distinct().OrderBy(s => s).ToListAsync(token),
            (IReadOnlyList<Choice>)await inScope.CohortChoicesAsync(db.Cohorts.AsNoTracking(), token)), cancellationToken);

        var sites = Filter.Apply(inScope);
        Total = await figures.CountAsync(db, $"sites|{scopeKey}|{ListUrl.For(string.Empty, Filter.ToQuery())}", sites, cancellationToken);
        Pager = new PagerModel(PageNumber, Total, PageSize, "/Sites", Filter.ToQuery(), "Pages of sites");
        Sites = await queries.SummarizeAsync(sites.OrderBy(s => s.Name).ThenBy(s => s.State).Skip(Pager.Skip).Take(PageSize), cancellationToken: cancellationToken);
        return Page();
    }
}
