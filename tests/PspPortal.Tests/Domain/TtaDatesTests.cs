using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

/// <summary>The workflow refuses a scheduled or delivery date outside <see cref="TtaDates"/>, whatever the form let through.</summary>
public class TtaDatesTests
{
    private static readonly DateTime Approved = ApprovedRequests.At;
    private static readonly DateTime Now = new(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Liaison = ApprovedRequests.Liaison;

    private static TtaRequest InState(TtaStatus status)
    {
        var request = ApprovedRequests.New("TTA-2026-00001", "Crime gun intelligence");
        if (status == TtaStatus.Scheduled)
        {
            request.ScheduledFor = new DateOnly(2026, 11, 20);
            request.Apply(TtaAction.Schedule, Liaison, Approved.AddDays(1));
        }

        return request;
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2026-11-22")]
    [InlineData("2028-11-24")]
    public void A_delivery_scheduled_in_the_past_or_beyond_two_years_is_refused_without_change(string date)
    {
        var request = InState(TtaStatus.Approved);
        var version = request.Version;
        request.ScheduledFor = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Throws<WorkflowException>(() => request.Apply(TtaAction.Schedule, Liaison, Now));

        Assert.Equal((TtaStatus.Approved, version, 3), (request.Status, request.Version, request.History.Count));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2026-11-01")]
    [InlineData("2026-11-24")]
    public void A_delivery_recorded_before_approval_or_in_the_future_is_refused_without_change(string date)
    {
        var request = InState(TtaStatus.Scheduled);
        var version = request.Version;
        request.DeliveredOn = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Throws<WorkflowException>(() => request.Apply(TtaAction.RecordDelivery, Liaison, Now));

        Assert.Equal((TtaStatus.Scheduled, version, (DateTime?)null), (request.Status, request.Version, request.DeliveredAt));
    }

    [Fact]
    public void Dates_on_the_edges_of_their_ranges_are_accepted()
    {
        var approved = InState(TtaStatus.Approved);
        approved.ScheduledFor = new DateOnly(2028, 11, 23);
        approved.Apply(TtaAction.Schedule, Liaison, Now);

        var scheduled = InState(TtaStatus.Scheduled);
        scheduled.DeliveredOn = new DateOnly(2026, 11, 2);
        scheduled.Apply(TtaAction.RecordDelivery, Liaison, Now);

        Assert.Equal((TtaStatus.Scheduled, TtaStatus.Delivered), (approved.Status, scheduled.Status));
    }
}
