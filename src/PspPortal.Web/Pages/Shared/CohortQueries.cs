using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>A cohort's figures over the engagements the user may see, counted by the database with the rules of
/// <see cref="MilestoneFigures"/> and <see cref="RequestFigures"/>.</summary>
public sealed record CohortSummary(
    int Id,
    string Name,
    int Year,
    int Sites,
    int ActiveSites,
    int MilestonesDue,
    int MilestonesDoneOfDue,
    int MilestonesOverdue,
    int MilestonesCompleted,
    int MilestonesOnTime,
    int OpenRequests)
{
    public MilestoneCounts Milestones => new(MilestonesDue, MilestonesDoneOfDue, MilestonesOverdue, MilestonesCompleted, MilestonesOnTime);

    public int? ProgressPercent => Milestones.ProgressPercent;

    public int? OnTimePercent => Milestones.OnTimePercent;
}

/// <summary>How many of a site's TTA requests fall in one core area.</summary>
public sealed record SiteCoreAreaCount(int SiteId, int CoreAreaId, int Count);

public sealed record CoreAreaName(int Id, string Name);

public sealed class CohortQueries(PortalDbContext db, SiteScope siteScope, TimeProvider clock, ServiceClock serviceClock)
{
    public DateOnly Today => serviceClock.Today(clock);

    public async Task<List<CohortSummary>> ListAsync(int? cohortId = null, CancellationToken cancellationToken = default)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var today = Today;
        var due = MilestoneFigures.DueBy(today);
        var doneOfDue = MilestoneFigures.DoneOfDueBy(today);
        var overdue = MilestoneFigures.OverdueOn(today);
        var completed = MilestoneFigures.Completed;
        var onTime = MilestoneFigures.CompletedOnTime;
        var openRequest = RequestFigures.Open;
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
                engagements.Where(e => e.CohortId == c.Id).SelectMany(e => e.Milestones).Count(due),
                engagements.Where(e => e.CohortId == c.Id).SelectMany(e => e.Milestones).Count(doneOfDue),
                engagements.Where(e => e.CohortId == c.Id).SelectMany(e => e.Milestones).Count(overdue),
                engagements.Where(e => e.CohortId == c.Id).SelectMany(e => e.Milestones).Count(completed),
                engagements.Where(e => e.CohortId == c.Id).SelectMany(e => e.Milestones).Count(onTime),
                engagements.Where(e => e.CohortId == c.Id).SelectMany(e => e.Site!.TtaRequests).Count(openRequest)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The TTA requests of the cohort's sites in scope, counted by site and core area in the database.</summary>
    public async Task<List<SiteCoreAreaCount>> RequestsByCoreAreaAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        return await db.TtaRequests.AsNoTracking().InScope(scope)
            .Where(r => r.Site!.Engagements.Any(e => e.CohortId == cohortId))
            .GroupBy(r => new { r.SiteId, r.CoreAreaId })
            .Select(g => new SiteCoreAreaCount(g.Key.SiteId, g.Key.CoreAreaId, g.Count()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The core areas in their seeded order (retired ones too, so old requests keep their place).</summary>
    public async Task<List<CoreAreaName>> CoreAreasAsync(CancellationToken cancellationToken = default) =>
        await db.CoreAreas.AsNoTracking()
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new CoreAreaName(a.Id, a.Name))
            .ToListAsync(cancellationToken);
}
