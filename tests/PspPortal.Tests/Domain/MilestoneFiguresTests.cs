using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

public class MilestoneFiguresTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static EngagementMilestone M(int dueInDays, MilestoneStatus status = MilestoneStatus.Planned, int? completedInDays = null) => new()
    {
        Title = "m",
        DueDate = Today.AddDays(dueInDays),
        OriginalDueDate = Today.AddDays(dueInDays),
        Status = status,
        CompletedOn = completedInDays is { } c ? Today.AddDays(c) : null,
    };

    /// <summary>Eight milestones counted by hand: due so far 1, 2, 3, 5, 8 (5); done of due 1, 2, 5 (3);
    /// completed 1, 2, 5, 7 (4), on time 1, 7 (2); overdue 3, 8 (2). Number 4 is deferred, 6 is not due yet.</summary>
    public static List<EngagementMilestone> HandCounted() =>
    [
        M(-300, MilestoneStatus.Completed, -305),
        M(-200, MilestoneStatus.Completed, -190),
        M(-100),
        M(-50, MilestoneStatus.Deferred),
        M(-10, MilestoneStatus.Completed, -5),
        M(30),
        M(60, MilestoneStatus.Completed, -1),
        M(-20),
    ];

    [Fact]
    public void Figures_match_a_hand_count()
    {
        var counts = MilestoneFigures.Count(HandCounted(), Today);

        Assert.Equal(new MilestoneCounts(Due: 5, DoneOfDue: 3, Overdue: 2, Completed: 4, CompletedOnTime: 2), counts);
        Assert.Equal(60, counts.ProgressPercent);
        Assert.Equal(50, counts.OnTimePercent);
    }

    [Fact]
    public void A_milestone_due_today_is_due_but_not_yet_overdue()
    {
        var counts = MilestoneFigures.Count([M(0)], Today);

        Assert.Equal((1, 0), (counts.Due, counts.Overdue));
        Assert.Equal(0, counts.ProgressPercent);
    }

    [Fact]
    public void Without_anything_due_or_completed_the_percentages_are_empty_not_zero()
    {
        var counts = MilestoneFigures.Count([M(10), M(-5, MilestoneStatus.Deferred)], Today);

        Assert.Null(counts.ProgressPercent);
        Assert.Null(counts.OnTimePercent);
    }

    [Theory]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 8, 13)]
    [InlineData(0, 4, 0)]
    [InlineData(4, 4, 100)]
    public void Percentages_round_half_away_from_zero(int part, int whole, int expected) =>
        Assert.Equal(expected, MilestoneFigures.Percent(part, whole));

    [Fact]
    public void The_database_rules_agree_with_the_milestone_s_own_answers()
    {
        var overdue = MilestoneFigures.OverdueOn(Today).Compile();
        var onTime = MilestoneFigures.CompletedOnTime.Compile();
        foreach (var m in HandCounted())
        {
            Assert.Equal(m.IsOverdueOn(Today), overdue(m));
            Assert.Equal(m.CompletedOnTime, onTime(m));
        }
    }
}
