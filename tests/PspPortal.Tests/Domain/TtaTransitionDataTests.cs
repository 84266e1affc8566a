using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

/// <summary>A transition carries its data into the domain: scheduling and recording delivery change the request and
/// move it in one step, or change nothing at all.</summary>
public class TtaTransitionDataTests
{
    private static readonly DateTime Approved = ApprovedRequests.At;
    private static readonly Actor Liaison = ApprovedRequests.Liaison;

    private static TtaRequest ApprovedRequest() => ApprovedRequests.New("TTA-2026-00002", "Hot-spot analysis training");

    [Fact]
    public void Schedule_sets_the_provider_and_date_and_notes_them_in_the_history()
    {
        var request = ApprovedRequest();

        var step = request.Take(TtaAction.Schedule, new TtaActionDetails(Provider: "  Center for Justice Analytics ", ScheduledFor: new DateOnly(2026, 11, 20)), Liaison, Approved.AddDays(1), ServiceClock.Default);

        Assert.Equal(TtaStatus.Scheduled, request.Status);
        Assert.Equal(("Center for Justice Analytics", new DateOnly(2026, 11, 20)), (request.AssignedProvider, request.ScheduledFor));
        Assert.Equal("Scheduled with Center for Justice Analytics for November 20, 2026.", step.Note);
    }

    [Fact]
    public void A_refused_schedule_leaves_the_request_exactly_as_it_was()
    {
        var request = ApprovedRequest();
        var version = request.Version;

        Assert.Throws<WorkflowException>(() => request.Schedule("Center for Justice Analytics", new DateOnly(9999, 12, 31), Liaison, Approved.AddDays(1), ServiceClock.Default));
        Assert.Throws<WorkflowException>(() => request.Take(TtaAction.Schedule, new TtaActionDetails(Provider: "  "), Liaison, Approved.AddDays(1), ServiceClock.Default));

        Assert.Equal((TtaStatus.Approved, (string?)null, (DateOnly?)null, version, 3), (request.Status, request.AssignedProvider, request.ScheduledFor, request.Version, request.History.Count));
    }

    [Fact]
    public void Record_delivery_sets_the_date_and_summary_and_a_refused_one_changes_nothing()
    {
        var request = ApprovedRequest();
        request.Schedule("Center for Justice Analytics", new DateOnly(2026, 11, 4), Liaison, Approved.AddDays(1), ServiceClock.Default);
        Assert.Throws<WorkflowException>(() => request.RecordDelivery(new DateOnly(2026, 10, 1), "Too early", Liaison, Approved.AddDays(3), ServiceClock.Default));
        Assert.Equal(((DateOnly?)null, (string?)null), (request.DeliveredOn, request.DeliverySummary));

        var step = request.Take(TtaAction.RecordDelivery, new TtaActionDetails(DeliveredOn: new DateOnly(2026, 11, 4), DeliverySummary: " Two-day training delivered. "), Liaison, Approved.AddDays(3), ServiceClock.Default);

        Assert.Equal(TtaStatus.Delivered, request.Status);
        Assert.Equal((new DateOnly(2026, 11, 4), "Two-day training delivered."), (request.DeliveredOn!.Value, request.DeliverySummary!));
        Assert.Equal("Two-day training delivered.", step.Note);
    }

    [Fact]
    public void An_action_the_status_does_not_allow_is_refused_by_the_one_rule_the_page_asks()
    {
        var request = ApprovedRequest();

        Assert.False(request.Allows(TtaAction.Approve));
        Assert.True(request.Allows(TtaAction.Schedule));
        Assert.Throws<WorkflowException>(() => request.Take(TtaAction.Approve, new TtaActionDetails(), Liaison, Approved.AddDays(1), ServiceClock.Default));
    }
}
