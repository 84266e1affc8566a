using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Cohorts;

/// <summary>A cohort's figures over the engagements the user may see, counted by the database.</summary>
public sealed record CohortSummary(
    int Id,
    string Name,
    int Year,
    int Sites,
    int ActiveSites,
    int MilestonesDue,
    int MilestonesDoneOfDue,
    int MilestonesOverdue,
    int OpenRequests)
{
    public int? ProgressPercent => MilestonesDue == 0 ? null : (int)Math.Round(100.0 * MilestonesDoneOfDue / MilestonesDue);
}

public sealed class CohortQueries(PortalDbContext db, SiteScope siteScope, TimeProvider clock)
{
    public async Task<List<CohortSummary>> ListAsync(int? cohortId = null, CancellationToken cancellationToken = default)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var open = TtaWorkflow.OpenStatuses.ToList();
        var engagements = db.Engagements.AsNoTracking().InScope(scope);
        var cohorts = db.Cohorts.AsNoTracking().Where(c => engagements.Any(e => e.CohortId == c.Id));
        if (cohortId is { } id)
        {
            cohorts = cohorts.Where(c => c.Id == id);
        }

        return await cohorts
            .OrderBy(c => c.Year).ThenBy(c => c.Name)
            .Select(c => new CohortSummary(
                c.Id,
                c.Name,
                c.Year,
                engagements.Count(e => e.CohortId == c.Id),
                engagements.Count(e => e.CohortId == c.Id && e.Status == EngagementStatus.Active),
                engagements.Where(e => e.CohortId == c.Id).SelectMany(e => e.Milestones).Count(m => m.DueDate <= today && m.Status != MilestoneStatus.Deferred),
                engagements.Where(e => e.CohortId == c.Id).SelectMany(e => e.Milestones).Count(m => m.DueDate <= today && m.Status == MilestoneStatus.Completed),
                engagements.Where(e => e.CohortId == c.Id).SelectMany(e => e.Milestones).Count(m => m.DueDate < today && m.Status == MilestoneStatus.Planned),
                engagements.Where(e => e.CohortId == c.Id).SelectMany(e => e.Site!.TtaRequests).Count(r => open.Contains(r.Status))))
            .ToListAsync(cancellationToken);
    }
}
