using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace PspPortal.Web.Domain;

/// <summary>
/// U.S. federal holidays per 5 U.S.C. 6103, with the observance rule for federal employees
/// (Executive Order 11582 / 5 U.S.C. 6103(b)): a holiday that falls on a Saturday is observed
/// the Friday before, and one that falls on a Sunday is observed the Monday after.
/// </summary>
/// <remarks>
/// The current statute is applied to every year, except that Juneteenth is only a holiday from
/// 2021 onward. Historical schedules (e.g. pre-1971 Monday holiday dates) are not modelled.
/// Observed dates are grouped by the calendar year they fall in: when January 1 of year Y + 1 is a
/// Saturday it is observed on Friday December 31 of year Y, so that date is in
/// <see cref="ObservedIn(int)"/> for Y (this matches OPM's published holiday lists).
/// </remarks>
public static class FederalHolidays
{
    /// <summary>First year in which Juneteenth National Independence Day (June 19) is a federal holiday.</summary>
    public const int FirstJuneteenthYear = 2021;

    private static readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _observedByYear = new();

    /// <summary>
    /// The observed federal holiday dates (always weekdays) that fall in calendar year <paramref name="year"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1..9999.</exception>
    public static IReadOnlySet<DateOnly> ObservedIn(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);
        return _observedByYear.GetOrAdd(year, static y => ComputeObservedIn(y));
    }

    /// <summary>True if <paramref name="date"/> is a day on which a federal holiday is observed.</summary>
    public static bool IsObservedHoliday(DateOnly date) => ObservedIn(date.Year).Contains(date);

    private static FrozenSet<DateOnly> ComputeObservedIn(int year)
    {
        var dates = new HashSet<DateOnly>();

        // A Saturday January 1 is observed on December 31 of the previous year, so AddObserved skips it here.
        AddObserved(dates, year, new DateOnly(year, 1, 1));
        dates.Add(NthWeekdayOfMonth(year, 1, DayOfWeek.Monday, 3));   // Birthday of Martin Luther King, Jr.
        dates.Add(NthWeekdayOfMonth(year, 2, DayOfWeek.Monday, 3));   // Washington's Birthday
        dates.Add(LastWeekdayOfMonth(year, 5, DayOfWeek.Monday));     // Memorial Day
        if (year >= FirstJuneteenthYear)
        {
            AddObserved(dates, year, new DateOnly(year, 6, 19));       // Juneteenth National Independence Day
        }

        AddObserved(dates, year, new DateOnly(year, 7, 4));            // Independence Day
        dates.Add(NthWeekdayOfMonth(year, 9, DayOfWeek.Monday, 1));   // Labor Day
        dates.Add(NthWeekdayOfMonth(year, 10, DayOfWeek.Monday, 2));  // Columbus Day
        AddObserved(dates, year, new DateOnly(year, 11, 11));          // Veterans Day
        dates.Add(NthWeekdayOfMonth(year, 11, DayOfWeek.Thursday, 4)); // Thanksgiving Day
        AddObserved(dates, year, new DateOnly(year, 12, 25));          // Christmas Day

        // Next year's New Year's Day, when it is a Saturday, is observed on December 31 of this year.
        if (year < DateOnly.MaxValue.Year)
        {
            AddObserved(dates, year, new DateOnly(year + 1, 1, 1));
        }

        return dates.ToFrozenSet();
    }

    /// <summary>Adds the observed date of a fixed-date holiday if it falls in <paramref name="year"/>.</summary>
    private static void AddObserved(HashSet<DateOnly> dates, int year, DateOnly actual)
    {
        var observed = actual.DayOfWeek switch
        {
            // Jan 1, 0001 is a Monday and Dec 31, 9999 a Friday, so these never leave DateOnly's range.
            DayOfWeek.Saturday => actual.AddDays(-1),
            DayOfWeek.Sunday => actual.AddDays(1),
            _ => actual,
        };

        if (observed.Year == year)
        {
            dates.Add(observed);
        }
    }

    private static DateOnly NthWeekdayOfMonth(int year, int month, DayOfWeek dayOfWeek, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)dayOfWeek - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekdayOfMonth(int year, int month, DayOfWeek dayOfWeek)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)dayOfWeek + 7) % 7;
        return last.AddDays(-offset);
    }
}
