using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

public class GrantEligibilityTests
{
    private static Site SiteWith(params DateOnly[] starts)
    {
        var site = new Site { Id = 3, Name = "Tulsa", State = "OK" };
        foreach (var start in starts)
        {
            var engagement = new Engagement { Id = site.Engagements.Count + 10 };
            engagement.StartOn(start);
            site.Engagements.Add(engagement);
        }

        return site;
    }

    private static CapacityGrant AwardOn(Site site, DateOnly awardedOn) =>
        CapacityGrant.Award(site, 2023, "FY 2023 PSP Capacity Building", "15PBJA-23-GK-00001-PSPX", 500_000m, awardedOn, awardedOn.AddDays(1), awardedOn.AddYears(3));

    [Fact]
    public void A_site_is_eligible_on_the_second_anniversary_of_its_engagement_and_not_the_day_before()
    {
        Assert.True(CapacityGrant.Eligible(new DateOnly(2021, 9, 30), new DateOnly(2023, 9, 30)));
        Assert.False(CapacityGrant.Eligible(new DateOnly(2021, 10, 1), new DateOnly(2023, 9, 30)));
        Assert.True(CapacityGrant.Eligible(new DateOnly(2020, 2, 29), new DateOnly(2022, 2, 28)));
    }

    [Fact]
    public void An_award_to_a_site_with_less_than_two_years_is_refused_with_the_date_it_becomes_eligible()
    {
        var site = SiteWith(new DateOnly(2022, 6, 1));

        var error = Assert.Throws<PlanException>(() => AwardOn(site, new DateOnly(2023, 9, 30)));

        Assert.Equal(
            "Tulsa, OK is not eligible: capacity-building grants go to sites that have completed at least two years of their engagement, " +
            "and its engagement started on June 1, 2022, so it is eligible from June 1, 2024.",
            error.Message);
    }

    [Fact]
    public void An_award_belongs_to_the_latest_engagement_that_had_started_by_the_award_date()
    {
        var site = SiteWith(new DateOnly(2017, 6, 20), new DateOnly(2019, 6, 3), new DateOnly(2024, 6, 3));

        var grant = AwardOn(site, new DateOnly(2023, 9, 30));

        Assert.Same(site.Engagements[1], grant.Engagement);
        Assert.Equal((GrantStatus.Awarded, 500_000m), (grant.Status, grant.Amount));
    }

    [Fact]
    public void An_award_before_any_engagement_started_is_refused()
    {
        var error = Assert.Throws<PlanException>(() => AwardOn(SiteWith(new DateOnly(2024, 6, 3)), new DateOnly(2023, 9, 30)));
        Assert.Contains("no PSP engagement under way on September 30, 2023", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grant_funds_only_strategies_of_its_engagement_and_each_once()
    {
        var grant = AwardOn(SiteWith(new DateOnly(2018, 5, 1)), new DateOnly(2023, 9, 30));
        grant.EngagementId = 10;

        grant.Fund(strategyId: 44, strategyEngagementId: 10);

        Assert.Throws<PlanException>(() => grant.Fund(44, 10));
        Assert.Throws<PlanException>(() => grant.Fund(45, 11));
        Assert.Equal([44], grant.FundedStrategies.Select(f => f.StrategyId));
    }
}
