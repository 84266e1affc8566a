using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

public class TtaWorkflowTests
{
    /// <summary>The diagram of PRODUCT.md, written out independently of <see cref="TtaWorkflow"/>'s table.</summary>
    private static readonly Dictionary<(TtaStatus, TtaAction), TtaStatus> Drawn = new()
    {
        [(TtaStatus.Draft, TtaAction.Submit)] = TtaStatus.Submitted,
        [(TtaStatus.Submitted, TtaAction.StartReview)] = TtaStatus.InReview,
        [(TtaStatus.InReview, TtaAction.Approve)] = TtaStatus.Approved,
        [(TtaStatus.InReview, TtaAction.Decline)] = TtaStatus.Declined,
        [(TtaStatus.InReview, TtaAction.AskForInformation)] = TtaStatus.NeedsInfo,
        [(TtaStatus.NeedsInfo, TtaAction.Respond)] = TtaStatus.Submitted,
        [(TtaStatus.Approved, TtaAction.Schedule)] = TtaStatus.Scheduled,
        [(TtaStatus.Scheduled, TtaAction.RecordDelivery)] = TtaStatus.Delivered,
        [(TtaStatus.Delivered, TtaAction.Close)] = TtaStatus.Closed,
        [(TtaStatus.Draft, TtaAction.Withdraw)] = TtaStatus.Withdrawn,
        [(TtaStatus.Submitted, TtaAction.Withdraw)] = TtaStatus.Withdrawn,
        [(TtaStatus.InReview, TtaAction.Withdraw)] = TtaStatus.Withdrawn,
        [(TtaStatus.NeedsInfo, TtaAction.Withdraw)] = TtaStatus.Withdrawn,
    };

    public static TheoryData<TtaStatus, TtaAction> EveryStateWithEveryAction()
    {
        var data = new TheoryData<TtaStatus, TtaAction>();
        foreach (var status in Enum.GetValues<TtaStatus>())
        {
            foreach (var action in Enum.GetValues<TtaAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    private static TtaRequest RequestIn(TtaStatus status) => new()
    {
        ReferenceNumber = "TTA-2026-00001",
        Title = "t",
        Description = "d",
        DesiredOutcome = "o",
        RequesterName = "r",
        Status = status,
    };

    [Theory]
    [MemberData(nameof(EveryStateWithEveryAction))]
    public void Every_state_allows_exactly_the_drawn_actions_and_refuses_the_rest_without_change(TtaStatus from, TtaAction action)
    {
        var request = RequestIn(from);
        var version = request.Version;
        var at = new DateTime(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);

        if (Drawn.TryGetValue((from, action), out var expected))
        {
            var transition = request.Apply(action, new Actor("u1", "Dana Lee"), at, " a note ");

            Assert.Equal(expected, request.Status);
            Assert.Equal(expected, TtaWorkflow.Target(from, action));
            Assert.NotEqual(version, request.Version);
            Assert.Equal(at, request.UpdatedAt);
            var recorded = Assert.Single(request.History);
            Assert.Same(recorded, transition);
            Assert.Equal((from, expected, action, "u1", "Dana Lee", at, "a note"),
                (recorded.FromStatus, recorded.ToStatus, recorded.Action, recorded.ActorId, recorded.ActorName, recorded.OccurredAt, recorded.Note));
        }
        else
        {
            var error = Assert.Throws<WorkflowException>(() => request.Apply(action, new Actor("u1", "Dana Lee"), at));

            Assert.Null(TtaWorkflow.Target(from, action));
            Assert.Contains(TtaWorkflow.StatusLabel(from), error.Message, StringComparison.Ordinal);
            Assert.Equal(from, request.Status);
            Assert.Equal(version, request.Version);
            Assert.Empty(request.History);
        }
    }

    [Fact]
    public void Final_states_allow_no_action()
    {
        foreach (var status in TtaWorkflow.FinalStatuses)
        {
            Assert.Empty(TtaWorkflow.ActionsFrom(status));
        }
    }

    [Theory]
    [InlineData(TtaAction.Submit, "Submit request")]
    [InlineData(TtaAction.StartReview, "Start review")]
    [InlineData(TtaAction.Approve, "Approve")]
    [InlineData(TtaAction.Decline, "Decline")]
    [InlineData(TtaAction.AskForInformation, "Ask for information")]
    [InlineData(TtaAction.Respond, "Respond")]
    [InlineData(TtaAction.Schedule, "Schedule")]
    [InlineData(TtaAction.RecordDelivery, "Record delivery")]
    [InlineData(TtaAction.Close, "Close")]
    [InlineData(TtaAction.Withdraw, "Withdraw")]
    public void Buttons_are_labelled_as_the_product_specification_says(TtaAction action, string label)
    {
        Assert.Equal(label, TtaWorkflow.ButtonLabel(action));
    }

    [Fact]
    public void The_decision_clock_stops_at_the_first_decision_and_a_response_does_not_restart_it()
    {
        var request = RequestIn(TtaStatus.Draft);
        var actor = new Actor(null, "x");
        var submitted = new DateTime(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);
        request.Apply(TtaAction.Submit, actor, submitted);
        request.Apply(TtaAction.StartReview, actor, submitted.AddDays(1));
        request.Apply(TtaAction.AskForInformation, actor, submitted.AddDays(2), "Which units?");
        request.Apply(TtaAction.Respond, actor, submitted.AddDays(3), "Patrol.");
        request.Apply(TtaAction.StartReview, actor, submitted.AddDays(4));
        request.Apply(TtaAction.Approve, actor, submitted.AddDays(5));

        Assert.Equal(submitted, request.SubmittedAt);
        Assert.Equal(submitted.AddDays(2), request.FirstDecisionAt);
        Assert.Equal(submitted.AddDays(5), request.ApprovedAt);
        Assert.Equal(6, request.History.Count);
    }
}
