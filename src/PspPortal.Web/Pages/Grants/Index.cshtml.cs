using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Grants;

/// <summary>Capacity-building grants of the sites in scope, filtered by fiscal year, cohort and status, with totals by
/// fiscal year and cohort counted by the database.</summary>
public class IndexModel(PortalDbContext db, SiteScope siteScope, CurrentUser currentUser) : PageModel
{
    public const int PageSize = 25;

    public sealed record GrantRow(int Id, string Site, int SiteId, string Cohort, int FiscalYear, string AwardNumber, decimal Amount, DateOnly AwardedOn, DateOnly PeriodStart, DateOnly PeriodEnd, GrantStatus Status, int Strategies);

    public sealed record Total(int FiscalYear, int CohortId, string Cohort, int CohortYear, int Awards, int Sites, decimal Amount);

    [FromQuery]
    public GrantFilter Filter { get; set; } = new();

    [FromQuery(Name = PagerModel.QueryName)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<GrantRow> Grants { get; private set; } = [];
    public IReadOnlyList<Total> Totals { get; private set; } = [];
    public int Count { get; private set; }
    public decimal Amount { get; private set; }
    public PagerModel Pager { get; private set; } = null!;
    public IReadOnlyList<Choice> Cohorts { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool MayEnter { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Filter.Cohort = Filter.Cohort is > 0 ? Filter.Cohort : null;
        if (!await siteScope.FiltersInScopeAsync(null, Filter.Cohort, cancellationToken))
        {
            return NotFound();
        }

        var scope = await siteScope.CurrentAsync(cancellationToken);
        MayEnter = PlanPermissions.MayEnterGrants(currentUser.Roles);
        var inScope = db.CapacityGrants.AsNoTracking().InScope(scope);
        Years = await inScope.Select(g => g.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        Cohorts = await db.Sites.AsNoTracking().InScope(scope).CohortChoicesAsync(db.Cohorts.AsNoTracking(), cancellationToken);

        var filtered = Filter.Apply(inScope);
        Count = await filtered.CountAsync(cancellationToken);
        // SQLite cannot sum decimals in SQL; the amounts of the filtered awards are few and summed here.
        Amount = (await filtered.Select(g => g.Amount).ToListAsync(cancellationToken)).Sum();
        Pager = new PagerModel(PageNumber, Count, PageSize, "/Grants", Filter.ToQuery(), "Pages of grants");
        Grants = await Rows(filtered).Skip(Pager.Skip).Take(PageSize).ToListAsync(cancellationToken);

        var byYearAndCohort = await filtered
            .GroupBy(g => new { g.FiscalYear, g.Engagement!.CohortId, Cohort = g.Engagement.Cohort!.Name, CohortYear = g.Engagement.Cohort.Year })
            .Select(x => new { x.Key, Awards = x.Count(), Sites = x.Select(g => g.SiteId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var amounts = await filtered.Select(g => new { g.FiscalYear, g.Engagement!.CohortId, g.Amount }).ToListAsync(cancellationToken);
        Totals = byYearAndCohort
            .Select(x => new Total(x.Key.FiscalYear, x.Key.CohortId, x.Key.Cohort, x.Key.CohortYear, x.Awards, x.Sites,
                amounts.Where(a => a.FiscalYear == x.Key.FiscalYear && a.CohortId == x.Key.CohortId).Sum(a => a.Amount)))
            .OrderByDescending(t => t.FiscalYear).ThenBy(t => t.CohortYear).ThenBy(t => t.Cohort)
            .ToList();
        return Page();
    }

    /// <summary>The list's rows, newest fiscal year first; /Grants/Export writes the same.</summary>
    public static IQueryable<GrantRow> Rows(IQueryable<CapacityGrant> grants) => grants
        .OrderByDescending(g => g.FiscalYear).ThenBy(g => g.Site!.Name).ThenBy(g => g.AwardNumber)
        .Select(g => new GrantRow(
            g.Id, g.Site!.Name + ", " + g.Site.State, g.SiteId, g.Engagement!.Cohort!.Name, g.FiscalYear, g.AwardNumber, g.Amount, g.AwardedOn,
            g.PeriodStart, g.PeriodEnd, g.Status, g.FundedStrategies.Count));
}
