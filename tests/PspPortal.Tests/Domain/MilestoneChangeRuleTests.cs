using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

/// <summary>Which changes a milestone allows is decided once, by its status; the methods refuse exactly what the rule
/// does not allow.</summary>
public class MilestoneChangeRuleTests
{
    private static readonly Actor Actor = new("u1", "Sam Liaison");
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateTime Now = new(2026, 6, 1, 15, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(MilestoneStatus.Planned, new[] { MilestoneChangeKind.Complete, MilestoneChangeKind.Reschedule, MilestoneChangeKind.Defer })]
    [InlineData(MilestoneStatus.Deferred, new[] { MilestoneChangeKind.Complete, MilestoneChangeKind.Reschedule })]
    [InlineData(MilestoneStatus.Completed, new MilestoneChangeKind[0])]
    public void Each_status_allows_its_changes_and_the_milestone_refuses_the_others(MilestoneStatus status, MilestoneChangeKind[] allowed)
    {
        Assert.Equal(allowed, EngagementMilestone.ChangesAllowedIn(status));

        foreach (var change in Enum.GetValues<MilestoneChangeKind>())
        {
            var milestone = new EngagementMilestone { Title = "Year-one review", DueDate = Today.AddDays(-3), OriginalDueDate = Today.AddDays(-3), Status = status, CompletedOn = status == MilestoneStatus.Completed ? Today.AddDays(-4) : null };
            Action act = change switch
            {
                MilestoneChangeKind.Complete => () => milestone.Complete(Today, Today, Actor, Now),
                MilestoneChangeKind.Reschedule => () => milestone.Reschedule(Today.AddDays(30), "Chief's schedule", Actor, Now),
                _ => () => milestone.Defer("Chief's transition", Actor, Now),
            };

            if (allowed.Contains(change))
            {
                act();
            }
            else
            {
                Assert.Throws<MilestoneException>(act);
            }
        }
    }

    [Fact]
    public void Overdue_is_one_rule_whether_asked_of_an_entity_or_of_a_row_s_values()
    {
        foreach (var status in Enum.GetValues<MilestoneStatus>())
        {
            foreach (var due in new[] { Today.AddDays(-1), Today, Today.AddDays(1) })
            {
                var milestone = new EngagementMilestone { Title = "t", DueDate = due, Status = status };
                var expected = status == MilestoneStatus.Planned && due < Today;
                Assert.Equal(expected, milestone.IsOverdueOn(Today));
                Assert.Equal(expected, EngagementMilestone.IsOverdue(status, due, Today));
                Assert.Equal(expected, MilestoneFigures.OverdueOn(Today).Compile()(milestone));
            }
        }
    }
}
