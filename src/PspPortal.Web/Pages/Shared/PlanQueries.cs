using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>The implementation figures of engagements' plans (<see cref="PlanFigures"/>), counted by the database in
/// one statement, for the site page, the plan page and the cohort page. The caller passes engagements already inside
/// the user's scope.</summary>
public sealed class PlanQueries(PortalDbContext db)
{
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
        var countedRequest = PlanFigures.CountedRequest;
        var delivered = PlanFigures.DeliveredRequest;
        var rows = await engagements
            .Select(e => new
            {
                e.Id,
                e.SiteId,
                Strategies = e.Goals.SelectMany(g => g.Strategies).AsQueryable().Count(counted),
                Implemented = e.Goals.SelectMany(g => g.Strategies).AsQueryable().Count(implemented),
                Recommendations = db.Recommendations.Where(r => r.Assessment!.EngagementId == e.Id).Count(countedRecommendation),
                Addressed = db.Recommendations.Where(r => r.Assessment!.EngagementId == e.Id).Count(addressed),
                Requests = e.Goals.SelectMany(g => g.Strategies).SelectMany(s => s.Requests).AsQueryable().Count(countedRequest),
                Delivered = e.Goals.SelectMany(g => g.Strategies).SelectMany(s => s.Requests).AsQueryable().Count(delivered),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.SiteId, new PlanCounts(r.Strategies, r.Implemented, r.Recommendations, r.Addressed, r.Requests, r.Delivered)))];
    }

    /// <summary>The figures of one engagement's plan.</summary>
    public async Task<PlanCounts> CountAsync(int engagementId, CancellationToken cancellationToken = default) =>
        (await CountAsync(db.Engagements.AsNoTracking().Where(e => e.Id == engagementId), cancellationToken)).GetValueOrDefault(engagementId, PlanCounts.None);
}

/// <summary>"4 of 9 (44%)": a plan figure as the pages write it; a dash when there is nothing to count.</summary>
public static class PlanFigureText
{
    public static string Share(int part, int whole) => whole == 0 ? "—" : $"{part} of {whole} ({MilestoneFigures.Percent(part, whole)}%)";
}
