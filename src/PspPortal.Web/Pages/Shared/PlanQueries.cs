using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>The implementation figures of engagements' plans (<see cref="PlanFigures"/>), counted by the database in
/// one statement, for the site page, the plan page and the cohort page. The caller passes engagements already inside
/// the user's scope.</summary>
public sealed class PlanQueries(PortalDbContext db)
{
    // Compiled once: compiling emits a method each time (and leaves it to the finalizer), which a trace of the site
    // page showed as several percent of the process's time.
    private static readonly Func<TtaRequest, bool> CountedRequest = PlanFigures.CountedRequest.Compile();
    private static readonly Func<TtaRequest, bool> DeliveredRequest = PlanFigures.DeliveredRequest.Compile();

    /// <summary>The figures of each engagement, by engagement id; an engagement without a plan counts zeros.</summary>
    public async Task<Dictionary<int, PlanCounts>> CountAsync(IQueryable<Engagement> engagements, CancellationToken cancellationToken = default) =>
        (await RowsAsync(engagements, cancellationToken)).ToDictionary(r => r.EngagementId, r => r.Counts);

    /// <summary>The figures by site, of engagements of which each site has one (a cohort's).</summary>
    public async Task<Dictionary<int, PlanCounts>> CountBySiteAsync(IQueryable<Engagement> engagements, CancellationToken cancellationToken = default) =>
        (await RowsAsync(engagements, cancellationToken)).GroupBy(r => r.SiteId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.EngagementId)!.Counts);

    private async Task<List<(int EngagementId, int SiteId, PlanCounts Counts)>> RowsAsync(IQueryable<Engagement> engagements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagements);
        var counted = PlanFigures.CountedStrategy;
        var implemented = PlanFigures.ImplementedStrategy;
        var countedRecommendation = PlanFigures.CountedRecommendation;
        var addressed = PlanFigures.AddressedRecommendation;
        var rows = await engagements
            .Select(e => new
            {
                e.Id,
                e.SiteId,
                Strategies = e.Goals.SelectMany(g => g.Strategies).AsQueryable().Count(counted),
                Implemented = e.Goals.SelectMany(g => g.Strategies).AsQueryable().Count(implemented),
                Recommendations = db.Recommendations.Where(r => r.Assessment!.EngagementId == e.Id).Count(countedRecommendation),
                Addressed = db.Recommendations.Where(r => r.Assessment!.EngagementId == e.Id).Count(addressed),
            })
            .ToListAsync(cancellationToken);

        // The requests that carry out the plans, as (engagement, status, count), joined from the engagements down to
        // the requests. Not as correlated COUNTs per engagement: there SQLite (without statistics) took the index on
        // TtaRequests.Status for "Delivered or Closed" and read tens of thousands of requests for each engagement
        // (41 s for a cohort of 111 sites at 100,000 requests; docs/performance.md, round 2).
        var requests = await engagements
            .SelectMany(e => e.Goals.SelectMany(g => g.Strategies).SelectMany(s => s.Requests), (e, t) => new { e.Id, t.Status })
            .GroupBy(x => new { x.Id, x.Status })
            .Select(g => new { g.Key.Id, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var countedRequest = CountedRequest;
        var delivered = DeliveredRequest;
        var byEngagement = requests.ToLookup(r => r.Id);
        int Sum(int engagementId, Func<TtaRequest, bool> rule) =>
            byEngagement[engagementId].Where(r => rule(StatusOnly(r.Status))).Sum(r => r.Count);
        return [.. rows.Select(r => (r.Id, r.SiteId, new PlanCounts(
            r.Strategies, r.Implemented, r.Recommendations, r.Addressed, Sum(r.Id, countedRequest), Sum(r.Id, delivered))))];
    }

    /// <summary>A request known only by its status, for the rules of <see cref="PlanFigures"/>.</summary>
    private static TtaRequest StatusOnly(TtaStatus status) => new()
    {
        ReferenceNumber = string.Empty,
        Title = string.Empty,
        Description = string.Empty,
        DesiredOutcome = string.Empty,
        RequesterName = string.Empty,
        Status = status,
    };

    /// <summary>The figures of one engagement's plan.</summary>
    public async Task<PlanCounts> CountAsync(int engagementId, CancellationToken cancellationToken = default) =>
        (await CountAsync(db.Engagements.AsNoTracking().Where(e => e.Id == engagementId), cancellationToken)).GetValueOrDefault(engagementId, PlanCounts.None);
}

/// <summary>"4 of 9 (44%)": a plan figure as the pages write it; a dash when there is nothing to count.</summary>
public static class PlanFigureText
{
    public static string Share(int part, int whole) => whole == 0 ? "—" : $"{part} of {whole} ({MilestoneFigures.Percent(part, whole)}%)";
}
