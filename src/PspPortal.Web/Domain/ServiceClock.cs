using System.Linq.Expressions;

namespace PspPortal.Web.Domain;

/// <summary>The service targets of the TTA workflow, from configuration section <c>ServiceTargets</c>.</summary>
public sealed class ServiceTargets
{
    public const string SectionName = "ServiceTargets";

    /// <summary>Business days from submission to the first decision (approve, decline or ask for information).</summary>
    public int DecisionBusinessDays { get; set; } = 5;

    /// <summary>Business days from approval to delivery of a Routine request.</summary>
    public int RoutineDeliveryBusinessDays { get; set; } = 30;

    /// <summary>Business days from approval to delivery of an Expedited request.</summary>
    public int ExpeditedDeliveryBusinessDays { get; set; } = 10;

    /// <summary>The time zone whose calendar decides which day a timestamp falls on (the program office's).</summary>
    public string TimeZone { get; set; } = "America/New_York";

    public int DeliveryBusinessDays(TtaPriority priority) =>
        priority == TtaPriority.Expedited ? ExpeditedDeliveryBusinessDays : RoutineDeliveryBusinessDays;
}

/// <summary>Which service clock a reading is of.</summary>
public enum ServiceClockKind
{
    Decision,
    Delivery,
}

/// <summary>One service clock of a request: when it started, when it is due, and whether it stopped in time.</summary>
/// <param name="Kind">decision or delivery</param>
/// <param name="StartedOn">the day of submission or approval</param>
/// <param name="DueOn">the last day on which the clock is on time</param>
/// <param name="TargetBusinessDays">the target from configuration</param>
/// <param name="ElapsedBusinessDays">business days from the start to the stop, or to today while it runs</param>
/// <param name="StoppedOn">the day of the decision or delivery, or null while the clock runs</param>
/// <param name="IsRunning">false when stopped, and also when the request left the workflow (withdrawn, declined) first</param>
/// <param name="IsOverdue">still running past its due date (<see cref="TtaRequest.DecisionOverdue"/>, <see cref="TtaRequest.DeliveryOverdue"/>)</param>
public sealed record ClockReading(
    ServiceClockKind Kind,
    DateOnly StartedOn,
    DateOnly DueOn,
    int TargetBusinessDays,
    int ElapsedBusinessDays,
    DateOnly? StoppedOn,
    bool IsRunning,
    bool IsOverdue)
{
    /// <summary>Stopped after its due date.</summary>
    public bool WasLate => StoppedOn is { } stopped && stopped > DueOn;
}

/// <summary>
/// The service clock of the product specification: business days (weekdays that are not observed federal holidays)
/// from Submitted to the first decision, and from Approved to Delivered. A clock is overdue once its due date has
/// passed (the day after the last business day of the target), which is what the stored due dates let the database filter.
/// </summary>
public sealed class ServiceClock
{
    private readonly TimeZoneInfo _zone;

    public ServiceClock(ServiceTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        Targets = targets;
        _zone = TimeZoneInfo.TryFindSystemTimeZoneById(targets.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>The clock with the product specification's default targets.</summary>
    public static ServiceClock Default { get; } = new(new ServiceTargets());

    public ServiceTargets Targets { get; }

    /// <summary>The calendar day on which a UTC time falls in the program's time zone.</summary>
    public DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone));

    /// <summary>Today in the program's calendar: the one "today" of every page, query, feed and seed, so that a
    /// milestone or a request turns overdue at the same moment everywhere (at midnight in the program's time zone, not
    /// at midnight UTC, which is 7 or 8 p.m. in Washington).</summary>
    public DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DayOf(time.GetUtcNow().UtcDateTime);
    }

    /// <summary>The UTC instants a program day runs over: from its midnight in the program's time zone to the next
    /// (23 or 25 hours on the days the clocks change).</summary>
    public (DateTime FromUtc, DateTime ToUtc) UtcSpanOf(DateOnly day) =>
        (TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), _zone),
         TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), _zone));

    /// <summary>A UTC time on the program's clock, for display.</summary>
    public DateTime LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>The name of the program's time zone, for captions such as "times in …".</summary>
    public string TimeZoneName => _zone.DisplayName;

    public DateOnly DecisionDueOn(DateTime submittedAt) =>
        BusinessDays.AddBusinessDays(DayOf(submittedAt), Targets.DecisionBusinessDays);

    public DateOnly DeliveryDueOn(DateTime approvedAt, TtaPriority priority) =>
        BusinessDays.AddBusinessDays(DayOf(approvedAt), Targets.DeliveryBusinessDays(priority));

    /// <summary>Sets the stored due dates from the request's timestamps (called on every transition).</summary>
    public void StampDueDates(TtaRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.DecisionDueOn = request.SubmittedAt is { } submitted ? DecisionDueOn(submitted) : null;
        request.DeliveryDueOn = request.ApprovedAt is { } approved ? DeliveryDueOn(approved, request.Priority) : null;
    }

    /// <summary>The decision clock, or null when the request was never submitted.</summary>
    public ClockReading? Decision(TtaRequest request, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SubmittedAt is not { } submitted)
        {
            return null;
        }

        var start = DayOf(submitted);
        var stopped = request.FirstDecisionAt is { } decided ? DayOf(decided) : (DateOnly?)null;
        var running = stopped is null && IsDecisionPending(request.Status);
        var end = stopped ?? (running ? DayOf(now) : DayOf(request.UpdatedAt));
        return new ClockReading(ServiceClockKind.Decision, start, DecisionDueOn(submitted), Targets.DecisionBusinessDays,
            BusinessDays.Between(start, end), stopped, running, TtaRequest.DecisionOverdue.IsTrue(request, DayOf(now)));
    }

    /// <summary>The delivery clock, or null when the request was never approved.</summary>
    public ClockReading? Delivery(TtaRequest request, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ApprovedAt is not { } approved)
        {
            return null;
        }

        var start = DayOf(approved);
        var stopped = request.DeliveredAt is { } delivered ? DayOf(delivered) : (DateOnly?)null;
        var running = stopped is null && IsDeliveryPending(request.Status);
        var end = stopped ?? (running ? DayOf(now) : DayOf(request.UpdatedAt));
        return new ClockReading(ServiceClockKind.Delivery, start, DeliveryDueOn(approved, request.Priority),
            Targets.DeliveryBusinessDays(request.Priority), BusinessDays.Between(start, end), stopped, running, TtaRequest.DeliveryOverdue.IsTrue(request, DayOf(now)));
    }

    /// <summary>True when a running clock of the request is past its due date, on the program's calendar day of <paramref name="now"/>.</summary>
    public bool IsOverdue(TtaRequest request, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.IsOverdueOn(DayOf(now));
    }

    /// <summary><see cref="TtaRequest.Overdue"/> on a day, for the database to filter and page.</summary>
    public static Expression<Func<TtaRequest, bool>> OverdueOn(DateOnly today) => TtaRequest.Overdue.On(today);

    private static bool IsDecisionPending(TtaStatus status) => status is TtaStatus.Submitted or TtaStatus.InReview;

    private static bool IsDeliveryPending(TtaStatus status) => status is TtaStatus.Approved or TtaStatus.Scheduled;
}
