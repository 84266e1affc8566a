using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Sites;

public class IndexModel(SiteQueries queries, SiteScope siteScope, PortalDbContext db) : PageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "cohort")]
    public int? CohortId { get; set; }

    [FromQuery(Name = "state")]
    public string? State { get; set; }

    [FromQuery(Name = "status")]
    public EngagementStatus? Status { get; set; }

    [FromQuery(Name = PagerModel.QueryName)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<(int Id, string Name)> Cohorts { get; private set; } = [];
    public IReadOnlyList<string> States { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Bad query values (a page of -5, an unknown status) fall back to the defaults instead of failing; a cohort
        // out of scope answers as if it did not exist.
        ModelState.Clear();
        CohortId = CohortId is > 0 ? CohortId : null;
        if (!await siteScope.FiltersInScopeAsync(null, CohortId, cancellationToken))
        {
            return NotFound();
        }

        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var inScope = await queries.SitesInScopeAsync(cancellationToken);
        States = await inScope.Select(s => s.State).Distinct().OrderBy(s => s).ToListAsync(cancellationToken);
        Cohorts = (await db.Cohorts.AsNoTracking()
                .Where(c => c.Engagements.Any(e => inScope.Any(s => s.Id == e.SiteId)))
                .OrderBy(c => c.Year).ThenBy(c => c.Name)
                .Select(c => new { c.Id, c.Name })
                .ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.Name)).ToList();

        (var items, Total) = await queries.ListAsync(new SiteFilter(CohortId, State, Status), PageNumber, PageSize, cancellationToken);
        Sites = items;
        return Page();
    }

    /// <summary>The query of this view on another page, so a filtered view can be bookmarked and shared.</summary>
    public Dictionary<string, string> RouteFor(int page) => PagerModel.Query(
        page,
        ("cohort", CohortId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("state", State),
        ("status", Status?.ToString()));
}
