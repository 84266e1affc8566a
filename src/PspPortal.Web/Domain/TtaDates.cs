namespace PspPortal.Web.Domain;

/// <summary>The ranges of the dates people enter on a TTA request, in one place: the forms' validators name them next
/// to the field, and <see cref="TtaRequest.Apply(TtaAction, Actor, DateTime, string?, ServiceClock)"/> refuses a
/// scheduled or delivery date outside them. "Today" is the program's day (<see cref="ServiceClock.DayOf"/>).</summary>
public static class TtaDates
{
    /// <summary>How far ahead a request may be needed: about two years, the rest of an engagement's planning horizon.</summary>
    public const int NeededByMaxDaysAhead = 730;

    /// <summary>How far ahead a delivery may be scheduled.</summary>
    public const int ScheduleMaxYearsAhead = 2;

    /// <summary>A new request is needed after today and within <see cref="NeededByMaxDaysAhead"/> days.</summary>
    public static DateRange NeededBy(DateOnly today) => new(today.AddDays(1), today.AddDays(NeededByMaxDaysAhead));

    /// <summary>A delivery is scheduled for today or later, within <see cref="ScheduleMaxYearsAhead"/> years.</summary>
    public static DateRange ScheduledFor(DateOnly today) => new(today, today.AddYears(ScheduleMaxYearsAhead));

    /// <summary>Assistance was delivered on or after the day the request was approved and not after today.</summary>
    public static DateRange DeliveredOn(DateOnly approvedOn, DateOnly today) => new(approvedOn, today);
}
