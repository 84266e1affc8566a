using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Cohorts;

/// <summary>A cohort's sites and their progress figures as CSV for reporting: the same figures as /Cohorts/{id}, in scope,
/// milestones, requests and the plan's implementation (strategies implemented, recommendations addressed, requests
/// delivered for the plan).</summary>
public class ExportModel(CohortQueries cohorts, SiteQueries sites, PortalDbContext db, PlanQueries plans, SiteScope siteScope) : PageModel
{
    public sealed record Line(
        string Site, string State, string Cohort, string? Track, string? Status, DateOnly? Start, DateOnly? End,
        int MilestonesDue, int MilestonesDoneOfDue, int? ProgressPercent, int MilestonesCompleted, int MilestonesOnTime,
        int? OnTimePercent, int MilestonesOverdue, int OpenRequests, int OverdueRequests,
        int PlanStrategies, int StrategiesImplemented, int? ImplementedPercent, int Recommendations, int RecommendationsAddressed,
        int PlanRequests, int PlanRequestsDelivered);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = (await cohorts.ListAsync(id, cancellationToken)).SingleOrDefault();
        if (cohort is null)
        {
            return NotFound();
        }

        var inScope = await sites.SitesInScopeAsync(cancellationToken);
        var summaries = (await sites.SummarizeAsync(inScope.Where(s => s.Engagements.Any(e => e.CohortId == id)).OrderBy(s => s.Name).ThenBy(s => s.State), id, cancellationToken))
            .ToAsyncEnumerable();

        var scope = await siteScope.CurrentAsync(cancellationToken);
        var plan = await plans.CountBySiteAsync(db.Engagements.AsNoTracking().InScope(scope).Where(e => e.CohortId == id), cancellationToken);
        var fileName = $"psp-cohort-{cohort.Year}-{id}-progress-{sites.Today:yyyy-MM-dd}.csv";
        return CsvFile.Of(
            summaries.Select(s =>
            {
                var p = plan.GetValueOrDefault(s.Id, PlanCounts.None);
                return new Line(
                    s.Name, s.State, cohort.Name, s.Track?.ToString(), s.Status?.ToString(), s.Start, s.End,
                    s.MilestonesDue, s.MilestonesDoneOfDue, s.ProgressPercent, s.MilestonesCompleted, s.MilestonesOnTime,
                    s.OnTimePercent, s.MilestonesOverdue, s.OpenRequests, s.OverdueRequests,
                    p.Strategies, p.Implemented, p.ImplementedPercent, p.Recommendations, p.Addressed, p.Requests, p.Delivered);
            }),
            fileName);
    }
}
