using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

public class ServiceClockTests
{
    private static readonly ServiceClock Clock = new(new ServiceTargets());
    private static readonly Actor Actor = new(null, "Dana Lee");

    /// <summary>Noon in New York (the program's time zone) on a day, as UTC.</summary>
    private static DateTime NoonEastern(int year, int month, int day) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, 12, 0, 0, DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    private static TtaRequest Draft(TtaPriority priority = TtaPriority.Routine) => new()
    {
        ReferenceNumber = "TTA-2026-00001",
        Title = "t",
        Description = "d",
        DesiredOutcome = "o",
        RequesterName = "r",
        Priority = priority,
    };

    private static TtaRequest SubmittedOn(DateTime at, ServiceClock? clock = null)
    {
        var request = Draft();
        request.Apply(TtaAction.Submit, Actor, at, null, clock ?? Clock);
        return request;
    }

    [Theory]
    // An ordinary week: Monday + 5 business days is the next Monday.
    [InlineData("2026-03-02", "2026-03-09")]
    // Submitted on a Saturday: the clock counts from Monday.
    [InlineData("2026-03-07", "2026-03-13")]
    // Submitted on a holiday (Thanksgiving): the holiday and the weekend do not count.
    [InlineData("2026-11-26", "2026-12-03")]
    // Independence Day 2026 is a Saturday, observed on Friday July 3.
    [InlineData("2026-07-02", "2026-07-10")]
    // Year end: Christmas (Friday) and New Year's Day 2027 (Friday) both skipped.
    [InlineData("2026-12-23", "2026-12-31")]
    [InlineData("2026-12-30", "2027-01-07")]
    // January 1, 2022 was a Saturday, observed on Friday December 31, 2021.
    [InlineData("2021-12-27", "2022-01-04")]
    // Juneteenth 2027 is a Saturday, observed on Friday June 18.
    [InlineData("2027-06-14", "2027-06-22")]
    public void Decision_is_due_five_business_days_after_submission(string submitted, string due)
    {
        var day = DateOnly.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture);

        var request = SubmittedOn(NoonEastern(day.Year, day.Month, day.Day));

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), request.DecisionDueOn);
        Assert.Null(request.DeliveryDueOn);
    }

    [Fact]
    public void A_submission_late_in_the_evening_counts_on_the_program_office_calendar_not_utc()
    {
        // 10 p.m. in New York on Friday March 6, 2026 is already Saturday in UTC.
        var fridayEvening = new DateTime(2026, 3, 7, 3, 0, 0, DateTimeKind.Utc);

        var request = SubmittedOn(fridayEvening);

        Assert.Equal(new DateOnly(2026, 3, 6), Clock.DayOf(fridayEvening));
        Assert.Equal(new DateOnly(2026, 3, 13), request.DecisionDueOn);
    }

    [Fact]
    public void A_request_is_overdue_only_after_its_due_date_has_passed()
    {
        var request = SubmittedOn(NoonEastern(2026, 3, 2)); // due Monday March 9

        Assert.False(Clock.IsOverdue(request, NoonEastern(2026, 3, 9)));
        Assert.True(Clock.IsOverdue(request, NoonEastern(2026, 3, 10)));
        var reading = Clock.Decision(request, NoonEastern(2026, 3, 10))!;
        Assert.Equal(6, reading.ElapsedBusinessDays);
        Assert.True(reading.IsRunning);
    }

    [Fact]
    public void A_deadline_on_friday_is_overdue_on_saturday()
    {
        var request = SubmittedOn(NoonEastern(2026, 3, 6)); // Friday; due Friday March 13

        Assert.False(Clock.IsOverdue(request, NoonEastern(2026, 3, 13)));
        Assert.True(Clock.IsOverdue(request, NoonEastern(2026, 3, 14)));
    }

    [Fact]
    public void The_decision_clock_stops_at_the_first_decision()
    {
        var request = SubmittedOn(NoonEastern(2026, 3, 2));
        request.Apply(TtaAction.StartReview, Actor, NoonEastern(2026, 3, 3), null, Clock);
        request.Apply(TtaAction.AskForInformation, Actor, NoonEastern(2026, 3, 11), "Which units?", Clock);

        var reading = Clock.Decision(request, NoonEastern(2026, 6, 1))!;

        Assert.False(reading.IsRunning);
        Assert.Equal(new DateOnly(2026, 3, 11), reading.StoppedOn);
        Assert.Equal(7, reading.ElapsedBusinessDays);
        Assert.True(reading.WasLate);
        Assert.False(Clock.IsOverdue(request, NoonEastern(2026, 6, 1)));
    }

    [Theory]
    [InlineData(TtaPriority.Routine, "2026-04-13")]
    [InlineData(TtaPriority.Expedited, "2026-03-16")]
    public void Delivery_is_due_by_priority_after_approval(TtaPriority priority, string due)
    {
        var request = Draft(priority);
        request.Apply(TtaAction.Submit, Actor, NoonEastern(2026, 2, 25), null, Clock);
        request.Apply(TtaAction.StartReview, Actor, NoonEastern(2026, 2, 26), null, Clock);
        request.Apply(TtaAction.Approve, Actor, NoonEastern(2026, 3, 2), null, Clock);

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), request.DeliveryDueOn);
        Assert.False(Clock.IsOverdue(request, NoonEastern(2026, 3, 2)));
    }

    [Fact]
    public void Delivery_stops_the_delivery_clock()
    {
        var request = Draft(TtaPriority.Expedited);
        request.Apply(TtaAction.Submit, Actor, NoonEastern(2026, 2, 25), null, Clock);
        request.Apply(TtaAction.StartReview, Actor, NoonEastern(2026, 2, 26), null, Clock);
        request.Apply(TtaAction.Approve, Actor, NoonEastern(2026, 3, 2), null, Clock);
        request.Apply(TtaAction.Schedule, Actor, NoonEastern(2026, 3, 3), null, Clock);
        request.Apply(TtaAction.RecordDelivery, Actor, NoonEastern(2026, 3, 12), "Delivered", Clock);

        var reading = Clock.Delivery(request, NoonEastern(2026, 9, 1))!;

        Assert.Equal(8, reading.ElapsedBusinessDays);
        Assert.False(reading.WasLate);
        Assert.False(Clock.IsOverdue(request, NoonEastern(2026, 9, 1)));
    }

    [Fact]
    public void A_withdrawn_request_is_never_overdue()
    {
        var request = SubmittedOn(NoonEastern(2026, 3, 2));
        request.Apply(TtaAction.Withdraw, Actor, NoonEastern(2026, 3, 3), null, Clock);

        Assert.False(Clock.IsOverdue(request, NoonEastern(2026, 12, 1)));
        Assert.False(Clock.Decision(request, NoonEastern(2026, 12, 1))!.IsRunning);
    }

    [Fact]
    public void Targets_come_from_configuration()
    {
        var clock = new ServiceClock(new ServiceTargets { DecisionBusinessDays = 2, RoutineDeliveryBusinessDays = 3, ExpeditedDeliveryBusinessDays = 1 });

        var request = Draft();
        request.Apply(TtaAction.Submit, Actor, NoonEastern(2026, 3, 2), null, clock);
        request.Apply(TtaAction.StartReview, Actor, NoonEastern(2026, 3, 2), null, clock);
        request.Apply(TtaAction.Approve, Actor, NoonEastern(2026, 3, 2), null, clock);

        Assert.Equal(new DateOnly(2026, 3, 4), request.DecisionDueOn);
        Assert.Equal(new DateOnly(2026, 3, 5), request.DeliveryDueOn);
    }

    public static TheoryData<TtaStatus> EveryStatus() => [.. Enum.GetValues<TtaStatus>()];

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void The_database_rule_for_overdue_agrees_with_the_clock(TtaStatus target)
    {
        var request = Draft();
        var at = NoonEastern(2026, 3, 2);
        foreach (var action in PathTo(target))
        {
            request.Apply(action, Actor, at, "n", Clock);
            at = at.AddDays(1);
        }

        var rule = ServiceClock.OverdueOn(new DateOnly(2026, 12, 1)).Compile();
        foreach (var day in new[] { new DateOnly(2026, 3, 3), new DateOnly(2026, 12, 1) })
        {
            var now = NoonEastern(day.Year, day.Month, day.Day);
            Assert.Equal(Clock.IsOverdue(request, now), ServiceClock.OverdueOn(day).Compile()(request));
        }

        Assert.Equal(target is TtaStatus.Submitted or TtaStatus.InReview or TtaStatus.Approved or TtaStatus.Scheduled, rule(request));
    }

    private static IEnumerable<TtaAction> PathTo(TtaStatus target) => target switch
    {
        TtaStatus.Draft => [],
        TtaStatus.Submitted => [TtaAction.Submit],
        TtaStatus.InReview => [TtaAction.Submit, TtaAction.StartReview],
        TtaStatus.NeedsInfo => [TtaAction.Submit, TtaAction.StartReview, TtaAction.AskForInformation],
        TtaStatus.Approved => [TtaAction.Submit, TtaAction.StartReview, TtaAction.Approve],
        TtaStatus.Scheduled => [TtaAction.Submit, TtaAction.StartReview, TtaAction.Approve, TtaAction.Schedule],
        TtaStatus.Delivered => [TtaAction.Submit, TtaAction.StartReview, TtaAction.Approve, TtaAction.Schedule, TtaAction.RecordDelivery],
        TtaStatus.Closed => [TtaAction.Submit, TtaAction.StartReview, TtaAction.Approve, TtaAction.Schedule, TtaAction.RecordDelivery, TtaAction.Close],
        TtaStatus.Declined => [TtaAction.Submit, TtaAction.StartReview, TtaAction.Decline],
        _ => [TtaAction.Submit, TtaAction.Withdraw],
    };

    [Theory]
    [InlineData("2026-11-23", "2026-11-23T05:00:00Z", "2026-11-24T05:00:00Z")] // a winter day in Washington: 24 hours
    [InlineData("2027-03-14", "2027-03-14T05:00:00Z", "2027-03-15T04:00:00Z")] // clocks go forward: 23 hours
    [InlineData("2026-11-01", "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z")] // clocks go back: 25 hours
    public void A_program_day_runs_from_midnight_to_midnight_in_washington(string day, string from, string to)
    {
        var span = ServiceClock.Default.UtcSpanOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), span.FromUtc);
        Assert.Equal(DateTime.Parse(to, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), span.ToUtc);
    }
}
