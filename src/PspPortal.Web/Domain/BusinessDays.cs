namespace PspPortal.Web.Domain;

/// <summary>
/// Business-day arithmetic for service clocks: a business day is a Monday–Friday that is not an
/// observed U.S. federal holiday (see <see cref="FederalHolidays"/>).
/// </summary>
public static class BusinessDays
{
    /// <summary>True if <paramref name="date"/> is a weekday and not an observed federal holiday.</summary>
    public static bool IsBusinessDay(DateOnly date) =>
        !IsWeekend(date) && !FederalHolidays.IsObservedHoliday(date);

    /// <summary>
    /// Number of business days elapsed after <paramref name="start"/>, up to and including <paramref name="end"/>:
    /// the count of business days in the half-open range (start, end]. Submitted Monday and decided Tuesday is 1;
    /// the same day is 0; a start on a weekend or holiday still counts from the next business day.
    /// Returns 0 when <paramref name="end"/> is on or before <paramref name="start"/>.
    /// </summary>
    public static int Between(DateOnly start, DateOnly end)
    {
        if (end <= start)
        {
            return 0;
        }

        var count = WeekdaysThrough(end.DayNumber) - WeekdaysThrough(start.DayNumber);
        for (var year = start.Year; year <= end.Year; year++)
        {
            foreach (var holiday in FederalHolidays.ObservedIn(year))
            {
                if (holiday > start && holiday <= end && !IsWeekend(holiday))
                {
                    count--;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// The date that is <paramref name="days"/> business days after <paramref name="start"/>
    /// (e.g. the due date of a 5-business-day target). The result is always a business day when
    /// <paramref name="days"/> &gt; 0; for 0 it is <paramref name="start"/> itself.
    /// Inverse of <see cref="Between"/>: <c>Between(start, AddBusinessDays(start, n)) == n</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative, or the result is past <see cref="DateOnly.MaxValue"/>.</exception>
    public static DateOnly AddBusinessDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        var current = start;
        var remaining = days;

        // Jump whole weeks while far from the target. Each jump covers at most remaining - 1 business
        // days, so the final step below always lands on a business day.
        while (remaining > 10)
        {
            var next = current.AddDays((remaining - 1) / 5 * 7);
            remaining -= Between(current, next);
            current = next;
        }

        while (remaining > 0)
        {
            current = current.AddDays(1);
            if (IsBusinessDay(current))
            {
                remaining--;
            }
        }

        return current;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Number of Monday–Friday dates in [DateOnly.MinValue, the date with <paramref name="dayNumber"/>].</summary>
    /// <remarks>Day number 0 (January 1, 0001) is a Monday.</remarks>
    private static int WeekdaysThrough(int dayNumber)
    {
        var days = dayNumber + 1;
        return (days / 7 * 5) + Math.Min(days % 7, 5);
    }
}
