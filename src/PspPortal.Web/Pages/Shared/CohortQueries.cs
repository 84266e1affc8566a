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

public sealed class CohortQueries(PortalDbContext db, SiteScope siteScope, ProgramFigures figures, TimeProvider clock, ServiceClock serviceClock)
{
    public DateOnly Today => serviceClock.Today(clock);

    /// <summary>The cohorts with an engagement in scope, oldest first, with their figures summed over those
    /// engagements from the cached <see cref="FiguresSnapshot"/> (never older than the data).</summary>
    public async Task<List<CohortSummary>> ListAsync(int? cohortId = null, CancellationToken cancellationToken = default)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var snapshot = await figures.GetAsync(db, Today, cancellationToken);
        var engagements = snapshot.Engagements.Where(e => scope.Includes(e.SiteId)).ToLookup(e => e.CohortId);
        return snapshot.Cohorts
            .Where(c => engagements.Contains(c.Id) && (cohortId is null || c.Id == cohortId))
            .Select(c =>
            {
                var inCohort = engagements[c.Id].ToList();
                return new CohortSummary(
                    c.Id,
                    c.Name,
                    c.Year,
                    inCohort.Count,
                    inCohort.Count(e => e.Status == EngagementStatus.Active),
                    inCohort.Sum(e => e.Milestones.Due),
                    inCohort.Sum(e => e.Milestones.DoneOfDue),
                    inCohort.Sum(e => e.Milestones.Overdue),
                    inCohort.Sum(e => e.Milestones.Completed),
                    inCohort.Sum(e => e.Milestones.CompletedOnTime),
                    inCohort.Sum(e => snapshot.RequestsOf(e.SiteId).Open));
            })
            .ToList();
    }

    /// <summary>The TTA requests of the cohort's sites in scope, counted by site and core area.</summary>
    public async Task<List<SiteCoreAreaCount>> RequestsByCoreAreaAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var snapshot = await figures.GetAsync(db, Today, cancellationToken);
        return snapshot.Engagements
            .Where(e => e.CohortId == cohortId && scope.Includes(e.SiteId))
            .Select(e => e.SiteId)
            .Distinct()
            .SelectMany(siteId => snapshot.RequestsOf(siteId).ByCoreArea.Select(a => new SiteCoreAreaCount(siteId, a.Key, a.Value)))
            .ToList();
    }

    /// <summary>The core areas in their seeded order (retired ones too, so old requests keep their place).</summary>
    public async Task<List<CoreAreaName>> CoreAreasAsync(CancellationToken cancellationToken = default) =>
        await db.CoreAreas.AsNoTracking()
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new CoreAreaName(a.Id, a.Name))
            .ToListAsync(cancellationToken);
}
