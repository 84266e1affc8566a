using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

public class FederalHolidaysTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateOnly[] Parse(params string[] isoDates) =>
        isoDates.Select(s => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Observed_holidays_for_2026_match_the_OPM_list()
    {
        var expected = Parse(
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
            "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25");

        Assert.Equal(expected, FederalHolidays.ObservedIn(2026).Order());
    }

    [Fact]
    public void Observed_holidays_for_2025_match_the_OPM_list()
    {
        var expected = Parse(
            "2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04",
            "2025-09-01", "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25");

        Assert.Equal(expected, FederalHolidays.ObservedIn(2025).Order());
    }

    [Fact]
    public void Observed_holidays_for_2021_include_Juneteenth_on_Friday_and_next_years_New_Years_Day_on_Dec_31()
    {
        // OPM 2021: Juneteenth (Sat) -> Fri Jun 18, Independence Day (Sun) -> Mon Jul 5,
        // Christmas (Sat) -> Fri Dec 24, New Year's Day 2022 (Sat) -> Fri Dec 31, 2021.
        var expected = Parse(
            "2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18", "2021-07-05",
            "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25", "2021-12-24", "2021-12-31");

        Assert.Equal(expected, FederalHolidays.ObservedIn(2021).Order());
    }

    [Fact]
    public void Observed_holidays_for_2022_do_not_include_Saturday_Jan_1()
    {
        var expected = Parse(
            "2022-01-17", "2022-02-21", "2022-05-30", "2022-06-20", "2022-07-04",
            "2022-09-05", "2022-10-10", "2022-11-11", "2022-11-24", "2022-12-26");

        Assert.Equal(expected, FederalHolidays.ObservedIn(2022).Order());
    }

    [Fact]
    public void Observed_holidays_for_2027_shift_weekend_fixed_dates_to_adjacent_weekdays()
    {
        // Jun 19 Sat, Jul 4 Sun, Dec 25 Sat, and Jan 1 2028 Sat.
        var expected = Parse(
            "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05",
            "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31");

        Assert.Equal(expected, FederalHolidays.ObservedIn(2027).Order());
    }

    [Fact]
    public void Observed_holidays_for_2020_have_no_Juneteenth()
    {
        var expected = Parse(
            "2020-01-01", "2020-01-20", "2020-02-17", "2020-05-25", "2020-07-03",
            "2020-09-07", "2020-10-12", "2020-11-11", "2020-11-26", "2020-12-25");

        Assert.Equal(expected, FederalHolidays.ObservedIn(2020).Order());
    }

    [Fact]
    public void Independence_Day_on_a_Saturday_is_observed_the_Friday_before()
    {
        Assert.Equal(DayOfWeek.Saturday, D(2026, 7, 4).DayOfWeek);
        Assert.True(FederalHolidays.IsObservedHoliday(D(2026, 7, 3)));
        Assert.False(FederalHolidays.IsObservedHoliday(D(2026, 7, 4)));
        Assert.False(FederalHolidays.IsObservedHoliday(D(2026, 7, 6)));
    }

    [Fact]
    public void Christmas_on_a_Sunday_is_observed_the_Monday_after()
    {
        Assert.Equal(DayOfWeek.Sunday, D(2022, 12, 25).DayOfWeek);
        Assert.True(FederalHolidays.IsObservedHoliday(D(2022, 12, 26)));
        Assert.False(FederalHolidays.IsObservedHoliday(D(2022, 12, 25)));
        Assert.False(FederalHolidays.IsObservedHoliday(D(2022, 12, 23)));
    }

    [Fact]
    public void Christmas_on_a_Saturday_is_observed_the_Friday_before()
    {
        Assert.Equal(DayOfWeek.Saturday, D(2021, 12, 25).DayOfWeek);
        Assert.True(FederalHolidays.IsObservedHoliday(D(2021, 12, 24)));
        Assert.False(FederalHolidays.IsObservedHoliday(D(2021, 12, 25)));
        Assert.False(FederalHolidays.IsObservedHoliday(D(2021, 12, 27)));
    }

    [Fact]
    public void New_Years_Day_on_a_Saturday_is_observed_on_Dec_31_of_the_previous_year()
    {
        Assert.Equal(DayOfWeek.Saturday, D(2022, 1, 1).DayOfWeek);
        Assert.True(FederalHolidays.IsObservedHoliday(D(2021, 12, 31)));
        Assert.Contains(D(2021, 12, 31), FederalHolidays.ObservedIn(2021));
        Assert.False(FederalHolidays.IsObservedHoliday(D(2022, 1, 1)));
        Assert.False(FederalHolidays.IsObservedHoliday(D(2022, 1, 3)));
        Assert.DoesNotContain(FederalHolidays.ObservedIn(2022), d => d.Month == 1 && d.Day <= 3);
    }

    [Fact]
    public void New_Years_Day_on_a_Sunday_is_observed_Monday_Jan_2()
    {
        Assert.Equal(DayOfWeek.Sunday, D(2023, 1, 1).DayOfWeek);
        Assert.True(FederalHolidays.IsObservedHoliday(D(2023, 1, 2)));
        Assert.False(FederalHolidays.IsObservedHoliday(D(2022, 12, 30)));
    }

    [Fact]
    public void Juneteenth_is_not_a_holiday_before_2021()
    {
        Assert.False(FederalHolidays.IsObservedHoliday(D(2020, 6, 19))); // a Friday
        Assert.False(FederalHolidays.IsObservedHoliday(D(2019, 6, 19))); // a Wednesday
        Assert.True(FederalHolidays.IsObservedHoliday(D(2021, 6, 18)));  // 2021: Saturday -> Friday
        Assert.True(FederalHolidays.IsObservedHoliday(D(2024, 6, 19)));
    }

    [Theory]
    [InlineData(2024, 11, 28)]
    [InlineData(2025, 11, 27)]
    [InlineData(2026, 11, 26)]
    [InlineData(2027, 11, 25)]
    [InlineData(2028, 11, 23)]
    public void Thanksgiving_is_the_fourth_Thursday_of_November(int year, int month, int day)
    {
        var date = D(year, month, day);
        Assert.Equal(DayOfWeek.Thursday, date.DayOfWeek);
        Assert.True(FederalHolidays.IsObservedHoliday(date));
        Assert.False(FederalHolidays.IsObservedHoliday(date.AddDays(1)));
    }

    [Theory]
    [InlineData(2024, 5, 27)]
    [InlineData(2025, 5, 26)]
    [InlineData(2026, 5, 25)]
    [InlineData(2027, 5, 31)]
    public void Memorial_Day_is_the_last_Monday_of_May(int year, int month, int day)
    {
        Assert.True(FederalHolidays.IsObservedHoliday(D(year, month, day)));
    }

    [Fact]
    public void Every_year_has_ten_or_eleven_holidays_all_on_weekdays_within_that_year()
    {
        for (var year = 1950; year <= 2100; year++)
        {
            var holidays = FederalHolidays.ObservedIn(year);
            var expectedBase = year >= FederalHolidays.FirstJuneteenthYear ? 11 : 10;
            var newYearsMovedBack = D(year, 1, 1).DayOfWeek == DayOfWeek.Saturday ? 1 : 0;
            var nextNewYearsMovedBack = year < 9999 && D(year + 1, 1, 1).DayOfWeek == DayOfWeek.Saturday ? 1 : 0;

            Assert.Equal(expectedBase - newYearsMovedBack + nextNewYearsMovedBack, holidays.Count);
            Assert.All(holidays, d =>
            {
                Assert.Equal(year, d.Year);
                Assert.NotEqual(DayOfWeek.Saturday, d.DayOfWeek);
                Assert.NotEqual(DayOfWeek.Sunday, d.DayOfWeek);
            });
        }
    }

    [Fact]
    public void Ordinary_weekdays_are_not_holidays()
    {
        Assert.False(FederalHolidays.IsObservedHoliday(D(2026, 3, 10)));
        Assert.False(FederalHolidays.IsObservedHoliday(D(2026, 12, 24))); // Christmas 2026 is a Friday itself
        Assert.False(FederalHolidays.IsObservedHoliday(D(2026, 12, 31))); // Jan 1 2027 is a Friday
    }

    [Fact]
    public void ObservedIn_returns_the_cached_instance_for_the_same_year()
    {
        Assert.Same(FederalHolidays.ObservedIn(2030), FederalHolidays.ObservedIn(2030));
    }

    [Fact]
    public void ObservedIn_is_safe_under_concurrent_first_use()
    {
        var results = new IReadOnlySet<DateOnly>[64];
        Parallel.For(0, results.Length, i => results[i] = FederalHolidays.ObservedIn(2400 + (i % 4)));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Same(FederalHolidays.ObservedIn(2400 + (i % 4)), results[i]);
        }
    }

    [Fact]
    public void Extreme_years_are_supported_and_out_of_range_years_throw()
    {
        Assert.NotEmpty(FederalHolidays.ObservedIn(1));
        Assert.NotEmpty(FederalHolidays.ObservedIn(9999));
        Assert.False(FederalHolidays.IsObservedHoliday(DateOnly.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => FederalHolidays.ObservedIn(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FederalHolidays.ObservedIn(10000));
    }
}
