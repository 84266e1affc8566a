using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Cohorts;

public class DetailsModel(CohortQueries cohorts, SiteQueries sites, PortalDbContext db, PlanQueries plans, SiteScope siteScope, ProgramFigures figures) : PageModel
{
    private View _view = null!;

    public CohortSummary Cohort => _view.Cohort;
    public string? Description => _view.Description;
    public IReadOnlyList<SiteSummary> Sites => _view.Sites;

    /// <summary>The implementation of each site's plan in this cohort's engagement, by site id.</summary>
    public IReadOnlyDictionary<int, PlanCounts> Plans => _view.Plans;

    public PlanCounts PlanOf(int siteId) => Plans.GetValueOrDefault(siteId, PlanCounts.None);

    /// <summary>The core areas that have requests at the cohort's sites, in their seeded order.</summary>
    public IReadOnlyList<CoreAreaName> CoreAreas => _view.CoreAreas;

    /// <summary>Requests of each site (same order as <see cref="Sites"/>) per core area (same order as <see cref="CoreAreas"/>).</summary>
    public IReadOnlyList<IReadOnlyList<int>> RequestsByArea => _view.RequestsByArea;

    public string ProgressChart => _view.ProgressChart;
    public string CoreAreaChart => _view.CoreAreaChart;

    /// <summary>The key of the rendered page body (a <c>&lt;cache&gt;</c> tag helper): new with every computation of the
    /// figures, so markup is never older than the figures it shows. Nothing in that body depends on the request.</summary>
    public string RenderKey => _view.Key;

    /// <summary>Everything the page shows, computed from data the figures stamp covers, so kept under it
    /// (<see cref="ProgramFigures.KeptAsync{TValue}"/>): with 100 sites the page is two charts and two tables of
    /// ~500 KB, and building it again for every view cost more than everything else on the page.</summary>
    private sealed record View(
        CohortSummary Cohort,
        string? Description,
        IReadOnlyList<SiteSummary> Sites,
        IReadOnlyDictionary<int, PlanCounts> Plans,
        IReadOnlyList<CoreAreaName> CoreAreas,
        IReadOnlyList<IReadOnlyList<int>> RequestsByArea,
        string ProgressChart,
        string CoreAreaChart)
    {
        /// <summary>Names this computation of the page, so that its rendered markup can be kept beside it.</summary>
        public string Key { get; } = Guid.NewGuid().ToString("N");
    }

    private sealed record Found(View? View);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var found = await figures.KeptAsync(db, $"cohort|{id}|{ProgramFigures.ScopeKey(scope)}|{cohorts.Today:O}",
            async token => new Found(await BuildAsync(id, scope, token)), cancellationToken);

        // A cohort none of whose sites is in scope answers 404, like one that does not exist.
        if (found.View is not { } view)
        {
            return NotFound();
        }

        _view = view;
        return Page();
    }

    private async Task<View?> BuildAsync(int id, AccessScope scope, CancellationToken cancellationToken)
    {
        var cohort = (await cohorts.ListAsync(id, cancellationToken)).SingleOrDefault();
        if (cohort is null)
        {
            return null;
        }

        var description = await db.Cohorts.Where(c => c.Id == id).Select(c => c.Description).SingleAsync(cancellationToken);
        var inScope = await sites.SitesInScopeAsync(cancellationToken);
        var siteList = await sites.SummarizeAsync(inScope.Where(s => s.Engagements.Any(e => e.CohortId == id)).OrderBy(s => s.Name).ThenBy(s => s.State), id, cancellationToken);
        var planCounts = await plans.CountBySiteAsync(db.Engagements.AsNoTracking().InScope(scope).Where(e => e.CohortId == id), cancellationToken);

        var counts = await cohorts.RequestsByCoreAreaAsync(id, cancellationToken);
        var used = counts.Select(c => c.CoreAreaId).ToHashSet();
        var coreAreas = (await cohorts.CoreAreasAsync(cancellationToken)).Where(a => used.Contains(a.Id)).ToList();
        var lookup = counts.ToDictionary(c => (c.SiteId, c.CoreAreaId), c => c.Count);
        var requestsByArea = siteList
            .Select(s => (IReadOnlyList<int>)coreAreas.Select(a => lookup.GetValueOrDefault((s.Id, a.Id))).ToList())
            .ToList();

        var progressChart = ChartSvg.PercentBars(
            "progress-chart",
            $"Progress and on-time completion of the {cohort.Name} sites",
            $"Two bars per site: progress is the share of the milestones due so far that are completed; on-time completion is the share of completed milestones done by their due date. {siteList.Count} sites; the table below gives the same figures.",
            siteList.Select(s => new PercentBarRow(s.DisplayName, s.ProgressPercent, s.OnTimePercent)).ToList());
        var coreAreaChart = ChartSvg.StackedBars(
            "core-area-chart",
            $"TTA requests by core area at the {cohort.Name} sites",
            $"One bar per site, divided by core area, with the site's total at its end. {requestsByArea.Sum(r => r.Sum())} requests in {coreAreas.Count} core areas; the table below gives the same counts.",
            coreAreas.Select(a => a.Name).ToList(),
            siteList.Select((s, i) => new StackedBarRow(s.DisplayName, requestsByArea[i])).ToList());
        return new View(cohort, description, siteList, planCounts, coreAreas, requestsByArea, progressChart, coreAreaChart);
    }
}
