using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Data;

[Collection(PortalTests.Name)]
public class DemoPlanSeedTests(PortalFactory factory)
{
    [Fact]
    public async Task The_fy_2023_solicitation_gave_four_million_dollars_to_nine_eligible_sites()
    {
        await using var db = factory.CreateDbContext();
        var grants = await db.CapacityGrants.Where(g => g.FiscalYear == 2023)
            .Select(g => new { g.SiteId, g.Amount, g.AwardedOn, EngagementStart = g.Engagement!.StartDate, Site = g.Site!.Name })
            .ToListAsync();

        Assert.Equal(9, grants.Select(g => g.SiteId).Distinct().Count());
        Assert.Equal(4_000_000m, grants.Sum(g => g.Amount));
        Assert.All(grants, g => Assert.True(CapacityGrant.Eligible(g.EngagementStart, g.AwardedOn), $"{g.Site} was not eligible"));
    }

    [Fact]
    public async Task Tulsa_received_500_000_dollars_for_strategy_1_1_of_its_plan()
    {
        await using var db = factory.CreateDbContext();
        var tulsa = await db.CapacityGrants.Where(g => g.Site!.Name == "Tulsa")
            .Select(g => new { g.Amount, Funded = g.FundedStrategies.Select(f => new { Goal = f.Strategy!.Goal!.Number, f.Strategy.Number, f.Strategy.Goal.EngagementId }).ToList(), g.EngagementId })
            .SingleAsync();

        Assert.Equal(500_000m, tulsa.Amount);
        var funded = Assert.Single(tulsa.Funded);
        Assert.Equal((1, 1, tulsa.EngagementId), (funded.Goal, funded.Number, funded.EngagementId));
    }

    [Fact]
    public async Task Every_request_of_a_site_with_a_plan_serves_a_strategy_of_its_own_site()
    {
        await using var db = factory.CreateDbContext();
        var planned = await db.PlanGoals.Select(g => g.Engagement!.SiteId).Distinct().ToListAsync();
        // Requests made by the tests themselves are not the demo's.
        var requests = await db.TtaRequests.Where(r => planned.Contains(r.SiteId) && !r.ReferenceNumber.StartsWith("TTA-2098"))
            .Select(r => new { r.ReferenceNumber, r.SiteId, StrategySite = (int?)r.Strategy!.Goal!.Engagement!.SiteId })
            .ToListAsync();

        Assert.True(planned.Count > 40, $"only {planned.Count} sites have a plan");
        Assert.All(requests, r => Assert.Equal(r.SiteId, r.StrategySite));
    }

    [Fact]
    public async Task The_site_of_poc_has_a_plan_part_way_implemented()
    {
        await using var db = factory.CreateDbContext();
        var statuses = await db.PlanStrategies.Where(s => s.Goal!.Engagement!.Site!.Name == "Tampa")
            .Select(s => s.Status).ToListAsync();
        var recommendations = await db.Recommendations.CountAsync(r => r.Assessment!.Engagement!.Site!.Name == "Tampa");

        Assert.Contains(StrategyStatus.Implemented, statuses);
        Assert.Contains(statuses, s => s != StrategyStatus.Implemented);
        Assert.True(recommendations >= statuses.Count);
    }
}
