using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>One line per site: its current engagement and the figures people look for first, counted by the database
/// with the rules of <see cref="MilestoneFigures"/> and <see cref="RequestFigures"/>.</summary>
public sealed record SiteSummary(
    int Id,
    string Name,
    string State,
    string? CohortName,
    int? CohortId,
    EngagementStatus? Status,
    EngagementTrack? Track,
    DateOnly? Start,
    DateOnly? End,
    int MilestonesDue,
    int MilestonesDoneOfDue,
    int MilestonesOverdue,
    int MilestonesCompleted,
    int MilestonesOnTime,
    int OpenRequests,
    int OverdueRequests)
{
    public string DisplayName => $"{Name}, {State}";

    public MilestoneCounts Milestones => new(MilestonesDue, MilestonesDoneOfDue, MilestonesOverdue, MilestonesCompleted, MilestonesOnTime);

    /// <summary>Share of the milestones due so far that are completed; null when none is due yet.</summary>
    public int? ProgressPercent => Milestones.ProgressPercent;

    /// <summary>Share of the completed milestones completed by their due date; null when none is completed.</summary>
    public int? OnTimePercent => Milestones.OnTimePercent;
}

/// <summary>Sites as lists show them (the home pages, /Sites, a cohort and its export), always inside the user's scope.</summary>
public sealed class SiteQueries(PortalDbContext db, SiteScope siteScope, ProgramFigures figures, TimeProvider clock, ServiceClock serviceClock)
{
    public DateOnly Today => serviceClock.Today(clock);

    public async Task<IQueryable<Site>> SitesInScopeAsync(CancellationToken cancellationToken = default)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        return db.Sites.AsNoTracking().InScope(scope);
    }

    public async Task<List<SiteSummary>> AllInScopeAsync(CancellationToken cancellationToken = default)
    {
        var sites = await SitesInScopeAsync(cancellationToken);
        return await SummarizeAsync(sites.OrderBy(s => s.Name).ThenBy(s => s.State), cancellationToken: cancellationToken);
    }

    /// <summary>The summaries of a list of sites, in the query's order: the sites and their engagement from the
    /// database, the figures from the cached <see cref="FiguresSnapshot"/> (the Domain rules, counted once for every
    /// site until the data changes). Every page and the API show a site's figures through this one method.</summary>
    public async Task<List<SiteSummary>> SummarizeAsync(IQueryable<Site> sites, int? cohortId = null, CancellationToken cancellationToken = default)
    {
        var withEngagement = cohortId is { } id
            ? sites.Select(s => new SiteWithEngagement { Site = s, Current = s.Engagements.Where(e => e.CohortId == id).OrderByDescending(e => e.StartDate).FirstOrDefault() })
            : sites.Select(s => new SiteWithEngagement { Site = s, Current = s.Engagements.OrderByDescending(e => e.StartDate).FirstOrDefault() });
        var rows = await withEngagement
            .Select(x => new
            {
                x.Site.Id,
                x.Site.Name,
                x.Site.State,
                EngagementId = x.Current == null ? (int?)null : x.Current.Id,
                CohortName = x.Current == null ? null : x.Current.Cohort!.Name,
                CohortId = x.Current == null ? (int?)null : x.Current.CohortId,
                Status = x.Current == null ? (EngagementStatus?)null : x.Current.Status,
                Track = x.Current == null ? (EngagementTrack?)null : x.Current.Track,
                Start = x.Current == null ? (DateOnly?)null : x.Current.StartDate,
                End = x.Current == null ? (DateOnly?)null : x.Current.EndDate,
            })
            .ToListAsync(cancellationToken);
        var snapshot = await figures.GetAsync(db, Today, cancellationToken);
        return rows.Select(r =>
        {
            var m = snapshot.MilestonesOf(r.EngagementId);
            var requests = snapshot.RequestsOf(r.Id);
            return new SiteSummary(
                r.Id, r.Name, r.State, r.CohortName, r.CohortId, r.Status, r.Track, r.Start, r.End,
                m.Due, m.DoneOfDue, m.Overdue, m.Completed, m.CompletedOnTime, requests.Open, requests.Overdue);
        }).ToList();
    }

    private sealed class SiteWithEngagement
    {
        public required Site Site { get; init; }
        public Engagement? Current { get; init; }
    }
}
