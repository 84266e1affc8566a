using System.Linq.Expressions;

namespace PspPortal.Web.Domain;

/// <summary>The one definition of the milestone figures people compare sites and cohorts by. The same rules serve a
/// single milestone in memory and, as expressions, every list where the database counts them.
/// <list type="bullet">
/// <item>due so far: the due date is today or earlier and the milestone is not deferred;</item>
/// <item>progress: the share of the milestones due so far that are completed;</item>
/// <item>overdue: the due date has passed and the milestone is neither completed nor deferred;</item>
/// <item>on-time completion: the share of completed milestones completed on or before their due date.</item>
/// </list></summary>
public static class MilestoneFigures
{
    private static readonly DayRule<EngagementMilestone> Due = new((m, today) => m.DueDate <= today && m.Status != MilestoneStatus.Deferred);

    private static readonly DayRule<EngagementMilestone> DoneOfDue = new((m, today) => m.DueDate <= today && m.Status == MilestoneStatus.Completed);

    public static Expression<Func<EngagementMilestone, bool>> DueBy(DateOnly today) => Due.On(today);

    public static Expression<Func<EngagementMilestone, bool>> DoneOfDueBy(DateOnly today) => DoneOfDue.On(today);

    /// <summary><see cref="EngagementMilestone.Overdue"/> on a day.</summary>
    public static Expression<Func<EngagementMilestone, bool>> OverdueOn(DateOnly today) => EngagementMilestone.Overdue.On(today);

    public static Expression<Func<EngagementMilestone, bool>> Completed { get; } =
        m => m.Status == MilestoneStatus.Completed;

    public static Expression<Func<EngagementMilestone, bool>> CompletedOnTime { get; } =
        m => m.Status == MilestoneStatus.Completed && m.CompletedOn <= m.DueDate;

    // The same rules compiled once: compiling an expression emits a method, and did so five times on every site page.
    private static readonly Func<EngagementMilestone, bool> IsCompleted = Completed.Compile();
    private static readonly Func<EngagementMilestone, bool> IsCompletedOnTime = CompletedOnTime.Compile();

    /// <summary>A whole-number percentage, or null when there is nothing to divide by (shown as a dash, not 0%).</summary>
    public static int? Percent(int part, int whole) =>
        whole <= 0 ? null : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);

    /// <summary>The figures of a handful of milestones already in memory (a site's timeline); lists count in the database.</summary>
    public static MilestoneCounts Count(IEnumerable<EngagementMilestone> milestones, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        var list = milestones.ToList();
        return new MilestoneCounts(
            list.Count(m => Due.IsTrue(m, today)),
            list.Count(m => DoneOfDue.IsTrue(m, today)),
            list.Count(m => EngagementMilestone.Overdue.IsTrue(m, today)),
            list.Count(IsCompleted),
            list.Count(IsCompletedOnTime));
    }
}

/// <summary>Counted milestone figures of a site, an engagement or a cohort.</summary>
public readonly record struct MilestoneCounts(int Due, int DoneOfDue, int Overdue, int Completed, int CompletedOnTime)
{
    /// <summary>Share of the milestones due so far that are completed; null when none is due yet.</summary>
    public int? ProgressPercent => MilestoneFigures.Percent(DoneOfDue, Due);

    /// <summary>Share of the completed milestones completed by their due date; null when none is completed.</summary>
    public int? OnTimePercent => MilestoneFigures.Percent(CompletedOnTime, Completed);
}
