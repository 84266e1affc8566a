using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

public class EngagementPlanTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTime Now = new(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Liaison = new("user-1", "Sam Liaison");

    private static Engagement StartedOn(DateOnly start)
    {
        var engagement = new Engagement();
        engagement.StartOn(start);
        return engagement;
    }

    [Fact]
    public void Goals_and_strategies_are_numbered_1_and_1_1_in_the_order_they_are_added()
    {
        var engagement = StartedOn(new DateOnly(2025, 1, 6));

        var first = engagement.AddGoal("Reduce gun violence in the two highest-violence districts");
        var second = engagement.AddGoal("Build trust between residents and the department");
        var s11 = first.AddStrategy("Stand up a crime gun intelligence center", 4, "Capt. Reyes", null);
        var s12 = first.AddStrategy("Launch focused deterrence", 4, null, new DateOnly(2026, 6, 30));
        var s21 = second.AddStrategy("Hold listening sessions", 2, null, null);

        Assert.Equal([1, 2], engagement.Goals.Select(g => g.Number));
        Assert.Equal(["1.1", "1.2", "2.1"], new[] { s11, s12, s21 }.Select(s => PlanStrategy.Code(s.Goal!.Number, s.Number)));
        Assert.All(new[] { s11, s12, s21 }, s => Assert.Equal(StrategyStatus.NotStarted, s.Status));
    }

    [Fact]
    public void A_dropped_strategy_keeps_its_number_and_no_number_is_given_twice()
    {
        var goal = StartedOn(new DateOnly(2025, 1, 6)).AddGoal("Goal");
        goal.AddStrategy("One", 1, null, null);
        var two = goal.AddStrategy("Two", 1, null, null);
        two.Update(two.Title, StrategyStatus.Dropped, null, null);
        goal.Strategies.RemoveAt(0);

        var next = goal.AddStrategy("Three", 1, null, null);

        Assert.Equal(3, next.Number);
        Assert.Equal(1, PlanNumbers.Next([]));
        Assert.Equal(8, PlanNumbers.Next([7, 3, 5]));
    }

    [Fact]
    public void Recommendations_are_numbered_and_the_assessment_is_recorded_once()
    {
        var engagement = StartedOn(new DateOnly(2025, 1, 6));
        var assessment = engagement.RecordAssessment(new DateOnly(2025, 5, 6), "Shootings concentrate in two districts.", [3, 4, 3]);

        var r1 = assessment.AddRecommendation("Train the new analysts", 3, RecommendationPriority.High, "Lt. Bell");
        var r2 = assessment.AddRecommendation("Review NIBIN lead workflow", 4, RecommendationPriority.Medium, null);

        Assert.Equal((1, 2), (r1.Number, r2.Number));
        Assert.Equal([3, 4], assessment.CoreAreas.Select(c => c.CoreAreaId));
        Assert.Equal(RecommendationStatus.Open, r1.Status);
        var again = Assert.Throws<PlanException>(() => engagement.RecordAssessment(new DateOnly(2025, 5, 6), "Again", [3]));
        Assert.Contains("already recorded", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assessment_outside_the_engagement_or_without_findings_or_core_areas_is_refused()
    {
        var engagement = StartedOn(new DateOnly(2025, 1, 6));

        Assert.Contains("within the engagement", Assert.Throws<PlanException>(() => engagement.RecordAssessment(new DateOnly(2024, 12, 1), "Findings", [1])).Message, StringComparison.Ordinal);
        Assert.Equal("Write what the assessment found.", Assert.Throws<PlanException>(() => engagement.RecordAssessment(new DateOnly(2025, 3, 1), "  ", [1])).Message);
        Assert.Equal("Choose at least one core area the assessment looked at.", Assert.Throws<PlanException>(() => engagement.RecordAssessment(new DateOnly(2025, 3, 1), "Findings", [])).Message);
        Assert.Null(engagement.Assessment);
    }

    [Fact]
    public void A_strategy_target_after_the_sustainment_years_is_refused()
    {
        var goal = StartedOn(new DateOnly(2025, 1, 6)).AddGoal("Goal");
        var error = Assert.Throws<PlanException>(() => goal.AddStrategy("Late", 1, null, new DateOnly(2030, 1, 7)));
        Assert.Contains("January 6, 2030", error.Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2030, 1, 6), goal.AddStrategy("Last day", 1, null, new DateOnly(2030, 1, 6)).TargetDate);
    }

    [Fact]
    public void A_progress_note_is_dated_and_not_in_the_future()
    {
        var strategy = StartedOn(new DateOnly(2025, 1, 6)).AddGoal("Goal").AddStrategy("S", 1, null, null);

        var note = strategy.AddNote(Today.AddDays(-2), " Analysts hired. ", Today, Liaison, Now);

        Assert.Equal((Today.AddDays(-2), "Analysts hired.", "Sam Liaison", "user-1"), (note.WrittenOn, note.Text, note.AuthorName, note.AuthorId));
        Assert.Throws<PlanException>(() => strategy.AddNote(Today.AddDays(1), "Tomorrow", Today, Liaison, Now));
        Assert.Throws<PlanException>(() => strategy.AddNote(Today, " ", Today, Liaison, Now));
        Assert.Single(strategy.Notes);
    }

    [Fact]
    public void A_request_serves_only_a_strategy_of_its_own_site_and_its_version_changes()
    {
        var request = new TtaRequest { ReferenceNumber = "TTA-2026-00001", SiteId = 7, Title = "T", Description = "D", DesiredOutcome = "O", RequesterName = "R" };
        var version = request.Version;

        request.ServeStrategy(12, 7);

        Assert.Equal(12, request.StrategyId);
        Assert.NotEqual(version, request.Version);
        Assert.Throws<PlanException>(() => request.ServeStrategy(13, 8));
        Assert.Equal(12, request.StrategyId);
        request.ServeStrategy(null, null);
        Assert.Null(request.StrategyId);
    }

    [Theory]
    [InlineData(MilestoneKind.Report, false, 0, 0, PlanContent.AssessmentMissing)]
    [InlineData(MilestoneKind.Report, true, 0, 5, PlanContent.AssessmentMissing)]
    [InlineData(MilestoneKind.Report, true, 1, 0, null)]
    [InlineData(MilestoneKind.StrategicPlan, true, 4, 0, PlanContent.PlanMissing)]
    [InlineData(MilestoneKind.StrategicPlan, false, 0, 1, null)]
    [InlineData(MilestoneKind.Review, false, 0, 0, null)]
    public void Completing_the_report_and_plan_milestones_needs_their_content(MilestoneKind kind, bool assessment, int recommendations, int strategies, string? expected)
    {
        var plan = new PlanContent(assessment, recommendations, strategies);
        Assert.Equal(expected, plan.MissingFor(kind));

        var milestone = new EngagementMilestone { Title = "M", Kind = kind, DueDate = Today, OriginalDueDate = Today };
        if (expected is null)
        {
            milestone.Complete(Today, Today, Liaison, Now, plan: plan);
            Assert.Equal(MilestoneStatus.Completed, milestone.Status);
        }
        else
        {
            Assert.Equal(expected, Assert.Throws<MilestoneException>(() => milestone.Complete(Today, Today, Liaison, Now, plan: plan)).Message);
            Assert.Equal(MilestoneStatus.Planned, milestone.Status);
        }
    }

    [Fact]
    public void Implementation_counts_leave_dropped_strategies_and_recommendations_not_adopted_out()
    {
        var strategies = new[] { StrategyStatus.Implemented, StrategyStatus.Implemented, StrategyStatus.InProgress, StrategyStatus.Dropped, StrategyStatus.NotStarted }
            .Select(s => new PlanStrategy { Title = "S", Status = s }).ToList();
        var recommendations = new[] { RecommendationStatus.Addressed, RecommendationStatus.NotAdopted, RecommendationStatus.Open }
            .Select(s => new Recommendation { Text = "R", Status = s }).ToList();

        var counts = new PlanCounts(
            strategies.Count(PlanFigures.CountedStrategy.Compile()), strategies.Count(PlanFigures.ImplementedStrategy.Compile()),
            recommendations.Count(PlanFigures.CountedRecommendation.Compile()), recommendations.Count(PlanFigures.AddressedRecommendation.Compile()), 0, 0);

        Assert.Equal((4, 2, 50), (counts.Strategies, counts.Implemented, counts.ImplementedPercent));
        Assert.Equal((2, 1, 50), (counts.Recommendations, counts.Addressed, counts.AddressedPercent));
        Assert.Null(PlanCounts.None.ImplementedPercent);
    }

    [Theory]
    [InlineData(TtaStatus.Delivered, true, true)]
    [InlineData(TtaStatus.Closed, true, true)]
    [InlineData(TtaStatus.Scheduled, true, false)]
    [InlineData(TtaStatus.Declined, false, false)]
    [InlineData(TtaStatus.Withdrawn, false, false)]
    public void A_linked_request_counts_for_its_strategy_unless_declined_or_withdrawn(TtaStatus status, bool counted, bool delivered)
    {
        var request = new TtaRequest { ReferenceNumber = "R", Title = "T", Description = "D", DesiredOutcome = "O", RequesterName = "R", Status = status };
        Assert.Equal((counted, delivered), (PlanFigures.CountedRequest.Compile()(request), PlanFigures.DeliveredRequest.Compile()(request)));
    }

    [Theory]
    [InlineData(Roles.BjaStaff, true, PlanAccess.Write)]
    [InlineData(Roles.Liaison, true, PlanAccess.Write)]
    [InlineData(Roles.SiteContact, true, PlanAccess.Notes)]
    [InlineData(Roles.Analyst, true, PlanAccess.Read)]
    [InlineData(Roles.Champion, true, PlanAccess.Read)]
    [InlineData(Roles.Liaison, false, PlanAccess.None)]
    [InlineData(Roles.SiteContact, false, PlanAccess.None)]
    public void Plans_are_written_by_liaisons_and_bja_staff_and_noted_by_site_contacts(string role, bool inScope, PlanAccess expected)
    {
        var scope = AccessScope.For([role], inScope ? [5] : [6]);
        Assert.Equal(expected, PlanPermissions.For([role], scope, 5));
    }

    [Fact]
    public void Only_bja_staff_enter_grants()
    {
        Assert.True(PlanPermissions.MayEnterGrants([Roles.BjaStaff]));
        Assert.All(new[] { Roles.Administrator, Roles.Liaison, Roles.Champion, Roles.Analyst, Roles.SiteContact }, r => Assert.False(PlanPermissions.MayEnterGrants([r])));
    }
}
