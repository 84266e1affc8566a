using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

public class MilestoneTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTime Now = new(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Liaison = new("user-1", "Sam Liaison");

    private static EngagementMilestone Planned(DateOnly due) => new() { Title = "Strategic plan adopted", DueDate = due, OriginalDueDate = due };

    [Fact]
    public void Completing_records_the_date_the_change_and_a_new_version()
    {
        var milestone = Planned(Today.AddDays(-3));
        var version = milestone.Version;

        milestone.Complete(Today.AddDays(-5), Today, Liaison, Now, "Adopted by council");

        Assert.Equal(MilestoneStatus.Completed, milestone.Status);
        Assert.Equal(Today.AddDays(-5), milestone.CompletedOn);
        Assert.NotEqual(version, milestone.Version);
        var change = Assert.Single(milestone.Changes);
        Assert.Equal((MilestoneActions.Completed, "Sam Liaison", "user-1", "Adopted by council", Now), (change.Action, change.ActorName, change.ActorId, change.Reason, change.OccurredAt));
    }

    [Fact]
    public void A_completion_date_in_the_future_is_refused()
    {
        var milestone = Planned(Today);

        var error = Assert.Throws<MilestoneException>(() => milestone.Complete(Today.AddDays(1), Today, Liaison, Now));

        Assert.Contains("future", error.Message, StringComparison.Ordinal);
        Assert.Equal(MilestoneStatus.Planned, milestone.Status);
        Assert.Empty(milestone.Changes);
    }

    [Fact]
    public void Rescheduling_keeps_the_old_and_new_date_and_the_reason()
    {
        var milestone = Planned(new DateOnly(2026, 12, 1));

        milestone.Reschedule(new DateOnly(2027, 2, 1), "Council recess", Liaison, Now);

        Assert.Equal(new DateOnly(2027, 2, 1), milestone.DueDate);
        Assert.Equal(new DateOnly(2026, 12, 1), milestone.OriginalDueDate);
        var change = Assert.Single(milestone.Changes);
        Assert.Equal((MilestoneActions.Rescheduled, (DateOnly?)new DateOnly(2026, 12, 1), (DateOnly?)new DateOnly(2027, 2, 1), "Council recess"),
            (change.Action, change.FromDueDate, change.ToDueDate, change.Reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rescheduling_and_deferring_need_a_reason(string? reason)
    {
        var milestone = Planned(Today);

        Assert.Throws<MilestoneException>(() => milestone.Reschedule(Today.AddDays(30), reason!, Liaison, Now));
        Assert.Throws<MilestoneException>(() => milestone.Defer(reason!, Liaison, Now));

        Assert.Equal((MilestoneStatus.Planned, Today), (milestone.Status, milestone.DueDate));
        Assert.Empty(milestone.Changes);
    }

    [Fact]
    public void A_deferred_milestone_is_not_overdue_and_rescheduling_plans_it_again()
    {
        var milestone = Planned(Today.AddDays(-10));
        Assert.True(milestone.IsOverdueOn(Today));

        milestone.Defer("Peer exchanges paused", Liaison, Now);
        Assert.False(milestone.IsOverdueOn(Today));

        milestone.Reschedule(Today.AddDays(60), "Travel resumes", Liaison, Now);
        Assert.Equal(MilestoneStatus.Planned, milestone.Status);
        Assert.Equal([MilestoneActions.Deferred, MilestoneActions.Rescheduled], milestone.Changes.Select(c => c.Action));
    }

    [Fact]
    public void A_completed_milestone_cannot_be_rescheduled_deferred_or_completed_again()
    {
        var milestone = Planned(Today);
        milestone.Complete(Today, Today, Liaison, Now);

        Assert.Throws<MilestoneException>(() => milestone.Reschedule(Today.AddDays(5), "why", Liaison, Now));
        Assert.Throws<MilestoneException>(() => milestone.Defer("why", Liaison, Now));
        Assert.Throws<MilestoneException>(() => milestone.Complete(Today, Today, Liaison, Now));
        Assert.Single(milestone.Changes);
    }

    [Fact]
    public void Notes_are_kept_and_the_change_recorded()
    {
        var milestone = Planned(Today);

        milestone.UpdateNotes("  Venue booked  ", new Actor("a", "Ana Analyst"), Now);

        Assert.Equal("Venue booked", milestone.Notes);
        Assert.Equal(MilestoneActions.NotesUpdated, Assert.Single(milestone.Changes).Action);
    }

    [Fact]
    public void An_added_milestone_records_who_added_it()
    {
        var engagement = new Engagement();
        engagement.StartOn(new DateOnly(2025, 1, 6));
        engagement.ApplyStandardPlan();

        var added = engagement.AddMilestone("Gun violence review", MilestoneKind.Other, new DateOnly(2026, 3, 1), "Sam Liaison", Liaison, Now, "Asked by the chief");

        Assert.Equal(13, engagement.Milestones.Count);
        Assert.Equal(new DateOnly(2026, 3, 1), added.OriginalDueDate);
        var change = Assert.Single(added.Changes);
        Assert.Equal((MilestoneActions.Added, "Asked by the chief"), (change.Action, change.Reason));
    }

    [Fact]
    public void Rescheduling_stays_within_the_engagement_and_its_two_years_of_sustainment()
    {
        var engagement = new Engagement();
        engagement.StartOn(new DateOnly(2025, 1, 6));
        engagement.ApplyStandardPlan();
        var milestone = engagement.Milestones[5];
        milestone.Engagement = engagement;

        Assert.Throws<MilestoneException>(() => milestone.Reschedule(new DateOnly(2025, 1, 5), "Too early", Liaison, Now));
        Assert.Throws<MilestoneException>(() => milestone.Reschedule(new DateOnly(2030, 1, 7), "Too late", Liaison, Now));
        milestone.Reschedule(new DateOnly(2030, 1, 6), "Last possible day", Liaison, Now);

        Assert.Equal(new DateOnly(2030, 1, 6), milestone.DueDate);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2025-01-05")]
    [InlineData("2030-01-07")]
    public void Adding_a_milestone_outside_the_engagement_and_its_sustainment_is_refused_like_rescheduling(string due)
    {
        var engagement = new Engagement();
        engagement.StartOn(new DateOnly(2025, 1, 6));
        engagement.ApplyStandardPlan();
        var date = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<MilestoneException>(() => engagement.AddMilestone("Gun violence review", MilestoneKind.Other, date, null, Liaison, Now));

        Assert.Equal(engagement.MilestoneDueDateMessage, error.Message);
        Assert.Contains("January 6, 2025", error.Message, StringComparison.Ordinal);
        Assert.Contains("January 6, 2030", error.Message, StringComparison.Ordinal);
        Assert.Equal(12, engagement.Milestones.Count);
        Assert.Equal(new DateOnly(2030, 1, 6), engagement.AddMilestone("Last possible day", MilestoneKind.Other, new DateOnly(2030, 1, 6), null, Liaison, Now).DueDate);
    }

    [Fact]
    public void A_completion_date_before_the_engagement_started_is_refused()
    {
        var engagement = new Engagement();
        engagement.StartOn(new DateOnly(2025, 1, 6));
        engagement.ApplyStandardPlan();
        var milestone = engagement.Milestones[1];
        milestone.Engagement = engagement;

        Assert.Throws<MilestoneException>(() => milestone.Complete(DateOnly.MinValue, Today, Liaison, Now));
        Assert.Throws<MilestoneException>(() => milestone.Complete(new DateOnly(2025, 1, 5), Today, Liaison, Now));
        Assert.Equal(MilestoneStatus.Planned, milestone.Status);
        Assert.Empty(milestone.Changes);

        milestone.Complete(new DateOnly(2025, 1, 6), Today, Liaison, Now);
        Assert.Equal(new DateOnly(2025, 1, 6), milestone.CompletedOn);
    }
}
