using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

public class EngagementTests
{
    [Fact]
    public void An_engagement_ends_three_years_after_it_starts()
    {
        var engagement = new Engagement();

        engagement.StartOn(new DateOnly(2024, 6, 3));

        Assert.Equal(new DateOnly(2027, 6, 3), engagement.EndDate);
    }

    [Fact]
    public void An_engagement_starting_on_leap_day_ends_on_the_last_day_of_february()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), Engagement.EndDateFor(new DateOnly(2024, 2, 29)));
    }

    [Theory]
    [InlineData("2024-06-02", EngagementStatus.Planned)]
    [InlineData("2024-06-03", EngagementStatus.Active)]
    [InlineData("2027-06-02", EngagementStatus.Active)]
    [InlineData("2027-06-03", EngagementStatus.Sustainment)]
    [InlineData("2029-06-03", EngagementStatus.Completed)]
    public void Status_follows_the_dates(string today, EngagementStatus expected)
    {
        Assert.Equal(expected, Engagement.StatusOn(new DateOnly(2024, 6, 3), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_standard_plan_has_twelve_milestones_from_kickoff_to_closeout()
    {
        var plan = MilestonePlan.For(new DateOnly(2024, 6, 3));

        Assert.Equal(12, plan.Count);
        Assert.Equal(("Kickoff meeting", new DateOnly(2024, 6, 3)), (plan[0].Title, plan[0].DueDate));
        Assert.Equal(("Closeout and transition to sustainment", new DateOnly(2027, 6, 3)), (plan[^1].Title, plan[^1].DueDate));
        Assert.Equal([0, 1, 4, 6, 7, 9, 12, 15, 18, 24, 30, 36], plan.Select(m => m.MonthOffset));
    }

    [Fact]
    public void Plan_dates_clamp_to_the_end_of_shorter_months()
    {
        var plan = MilestonePlan.For(new DateOnly(2025, 1, 31));

        Assert.Equal(new DateOnly(2025, 2, 28), plan.Single(m => m.MonthOffset == 1).DueDate);
        Assert.Equal(new DateOnly(2025, 5, 31), plan.Single(m => m.MonthOffset == 4).DueDate);
    }

    [Fact]
    public void Applying_the_plan_twice_adds_it_once()
    {
        var engagement = new Engagement();
        engagement.StartOn(new DateOnly(2024, 6, 3));

        engagement.ApplyStandardPlan();
        engagement.ApplyStandardPlan();

        Assert.Equal(12, engagement.Milestones.Count);
        Assert.All(engagement.Milestones, m => Assert.Equal(m.DueDate, m.OriginalDueDate));
        Assert.All(engagement.Milestones, m => Assert.Equal(MilestoneStatus.Planned, m.Status));
    }

    [Fact]
    public void A_milestone_is_overdue_only_when_past_due_and_neither_completed_nor_deferred()
    {
        var today = new DateOnly(2026, 11, 23);
        var planned = new EngagementMilestone { Title = "a", DueDate = today.AddDays(-1) };
        var dueToday = new EngagementMilestone { Title = "b", DueDate = today };
        var completed = new EngagementMilestone { Title = "c", DueDate = today.AddDays(-1), Status = MilestoneStatus.Completed };
        var deferred = new EngagementMilestone { Title = "d", DueDate = today.AddDays(-1), Status = MilestoneStatus.Deferred };

        Assert.True(planned.IsOverdueOn(today));
        Assert.False(dueToday.IsOverdueOn(today));
        Assert.False(completed.IsOverdueOn(today));
        Assert.False(deferred.IsOverdueOn(today));
    }
}
