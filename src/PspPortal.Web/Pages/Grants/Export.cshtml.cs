using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Domain;
using PspPortal.Web.Data;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Grants;

/// <summary>The grants of /Grants, with the same filter and scope, as CSV.</summary>
public class ExportModel(PortalDbContext db, SiteScope siteScope, TimeProvider clock, ServiceClock serviceClock) : PageModel
{
    public sealed record Line(string AwardNumber, string Site, string Cohort, int FiscalYear, string Solicitation, decimal Amount, DateOnly AwardedOn, DateOnly PeriodStart, DateOnly PeriodEnd, string Status, string StrategiesFunded);

    [FromQuery]
    public GrantFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await Filter.ScopeAsync(siteScope, cancellationToken) is not { } scope)
        {
            return NotFound();
        }

        var rows = Filter.Apply(db.CapacityGrants.AsNoTracking().InScope(scope))
            .OrderByDescending(g => g.FiscalYear).ThenBy(g => g.Site!.Name).ThenBy(g => g.AwardNumber)
            .Select(g => new
            {
                g.AwardNumber, Site = g.Site!.Name + ", " + g.Site.State, Cohort = g.Engagement!.Cohort!.Name, g.FiscalYear, g.Solicitation, g.Amount,
                g.AwardedOn, g.PeriodStart, g.PeriodEnd, g.Status,
                Strategies = g.FundedStrategies.Select(f => new { Goal = f.Strategy!.Goal!.Number, f.Strategy.Number }).ToList(),
            })
            .AsSplitQuery()
            .AsAsyncEnumerable()
            .Select(g => new Line(
                g.AwardNumber, g.Site, g.Cohort, g.FiscalYear, g.Solicitation, g.Amount, g.AwardedOn, g.PeriodStart, g.PeriodEnd, g.Status.ToString(),
                string.Join(" ", g.Strategies.OrderBy(s => s.Goal).ThenBy(s => s.Number).Select(s => $"{s.Goal}.{s.Number}"))));
        var today = serviceClock.Today(clock);
        return CsvFile.Of(rows, $"psp-grants-{today:yyyy-MM-dd}.csv");
    }
}
