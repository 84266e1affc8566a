using LinqKit;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Data;

/// <summary>The one definition of "overdue" for requests and milestones, as the database runs it (in a filter and in a
/// projection) and as C# runs it, against a count made by hand from the demo data's raw columns.</summary>
[Collection(PortalTests.Name)]
public class OverdueRuleTranslationTests(PortalFactory factory)
{
    private static readonly DateOnly[] Days = [new(2025, 1, 15), TtaArrange.Today, new(2027, 9, 1)];

    [Fact]
    public async Task The_database_counts_the_same_overdue_requests_as_a_hand_count_and_as_the_compiled_rule()
    {
        await using var db = factory.CreateDbContext();
        var all = await db.TtaRequests.AsNoTracking().ToListAsync();
        Assert.True(all.Count > 100);

        foreach (var day in Days)
        {
            // By hand: a running clock (no decision yet while submitted or in review; no delivery yet while approved or
            // scheduled) whose stored due date is before the day.
            var byHand = all.Count(r =>
                (r.Status is TtaStatus.Submitted or TtaStatus.InReview && r.FirstDecisionAt is null && r.DecisionDueOn is { } d && d < day)
                || (r.Status is TtaStatus.Approved or TtaStatus.Scheduled && r.DeliveredAt is null && r.DeliveryDueOn is { } v && v < day));

            var filtered = await db.TtaRequests.CountAsync(TtaRequest.Overdue.On(day));
            var rule = TtaRequest.Overdue.Expression;
            var projected = await db.TtaRequests.AsExpandable().Select(r => rule.Invoke(r, day)).CountAsync(o => o);
            var compiled = all.Count(r => r.IsOverdueOn(day));

            Assert.Equal(byHand, filtered);
            Assert.Equal(byHand, projected);
            Assert.Equal(byHand, compiled);
        }

        Assert.True(await db.TtaRequests.CountAsync(TtaRequest.Overdue.On(Days[1])) > 0, "the demo data should have overdue requests today");
    }

    [Fact]
    public async Task The_database_counts_the_same_overdue_milestones_as_a_hand_count_and_as_the_compiled_rule()
    {
        await using var db = factory.CreateDbContext();
        var all = await db.Milestones.AsNoTracking().ToListAsync();

        foreach (var day in Days)
        {
            var byHand = all.Count(m => m.Status == MilestoneStatus.Planned && m.DueDate < day);

            var filtered = await db.Milestones.CountAsync(MilestoneFigures.OverdueOn(day));
            var rule = EngagementMilestone.Overdue.Expression;
            var projected = await db.Milestones.AsExpandable().Select(m => rule.Invoke(m, day)).CountAsync(o => o);
            var compiled = all.Count(m => m.IsOverdueOn(day));
            var byValues = all.Count(m => EngagementMilestone.IsOverdue(m.Status, m.DueDate, day));

            Assert.Equal(byHand, filtered);
            Assert.Equal(byHand, projected);
            Assert.Equal(byHand, compiled);
            Assert.Equal(byHand, byValues);
        }
    }

    [Fact]
    public void The_overdue_rule_for_a_day_is_sent_as_a_parameter_not_written_into_the_sql()
    {
        using var db = factory.CreateDbContext();

        var lines = db.TtaRequests.Where(TtaRequest.Overdue.On(new DateOnly(2026, 5, 4))).ToQueryString().Split('\n');

        // The value appears only in the parameter declarations that ToQueryString prints above the statement.
        Assert.Contains(lines, l => l.StartsWith(".param", StringComparison.Ordinal) && l.Contains("2026-05-04", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => !l.StartsWith(".param", StringComparison.Ordinal) && l.Contains("2026-05-04", StringComparison.Ordinal));
    }
}
