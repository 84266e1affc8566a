using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Cohorts;

public class DetailsModel(CohortQueries cohorts, SiteQueries sites, PortalDbContext db, PlanQueries plans, SiteScope siteScope) : PageModel
{
    public CohortSummary Cohort { get; private set; } = null!;
    public string? Description { get; private set; }
    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    /// <summary>The implementation of each site's plan in this cohort's engagement, by site id.</summary>
    public IReadOnlyDictionary<int, PlanCounts> Plans { get; private set; } = new Dictionary<int, PlanCounts>();

    public PlanCounts PlanOf(int siteId) => Plans.GetValueOrDefault(siteId, PlanCounts.None);

    /// <summary>The core areas that have requests at the cohort's sites, in their seeded order.</summary>
    public IReadOnlyList<CoreAreaName> CoreAreas { get; private set; } = [];

    /// <summary>Requests of each site (same order as <see cref="Sites"/>) per core area (same order as <see cref="CoreAreas"/>).</summary>
    public IReadOnlyList<IReadOnlyList<int>> RequestsByArea { get; private set; } = [];

    public string ProgressChart { get; private set; } = string.Empty;
    public string CoreAreaChart { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        // A cohort none of whose sites is in scope answers 404, like one that does not exist.
        var cohort = (await cohorts.ListAsync(id, cancellationToken)).SingleOrDefault();
        if (cohort is null)
        {
            return NotFound();
        }

        Cohort = cohort;
        Description = await db.Cohorts.Where(c => c.Id == id).Select(c => c.Description).SingleAsync(cancellationToken);
        var inScope = await sites.SitesInScopeAsync(cancellationToken);
        Sites = await sites.Summarize(inScope.Where(s => s.Engagements.Any(e => e.CohortId == id)).OrderBy(s => s.Name).ThenBy(s => s.State), id)
            .ToListAsync(cancellationToken);

        var scope = await siteScope.CurrentAsync(cancellationToken);
        Plans = await plans.CountBySiteAsync(db.Engagements.AsNoTracking().InScope(scope).Where(e => e.CohortId == id), cancellationToken);

        var counts = await cohorts.RequestsByCoreAreaAsync(id, cancellationToken);
        var used = counts.Select(c => c.CoreAreaId).ToHashSet();
        CoreAreas = (await cohorts.CoreAreasAsync(cancellationToken)).Where(a => used.Contains(a.Id)).ToList();
        var lookup = counts.ToDictionary(c => (c.SiteId, c.CoreAreaId), c => c.Count);
        RequestsByArea = Sites
            .Select(s => (IReadOnlyList<int>)CoreAreas.Select(a => lookup.GetValueOrDefault((s.Id, a.Id))).ToList())
            .ToList();

        ProgressChart = ChartSvg.PercentBars(
            "progress-chart",
            $"Progress and on-time completion of the {Cohort.Name} sites",
            $"Two bars per site: progress is the share of the milestones due so far that are completed; on-time completion is the share of completed milestones done by their due date. {Sites.Count} sites; the table below gives the same figures.",
            Sites.Select(s => new PercentBarRow(s.DisplayName, s.ProgressPercent, s.OnTimePercent)).ToList());
        CoreAreaChart = ChartSvg.StackedBars(
            "core-area-chart",
            $"TTA requests by core area at the {Cohort.Name} sites",
            $"One bar per site, divided by core area, with the site's total at its end. {RequestsByArea.Sum(r => r.Sum())} requests in {CoreAreas.Count} core areas; the table below gives the same counts.",
            CoreAreas.Select(a => a.Name).ToList(),
            Sites.Select((s, i) => new StackedBarRow(s.DisplayName, RequestsByArea[i])).ToList());
        return Page();
    }
}
