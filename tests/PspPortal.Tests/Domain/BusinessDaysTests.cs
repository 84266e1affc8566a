using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

public class BusinessDaysTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>Day-by-day reference implementation of <see cref="BusinessDays.Between"/>.</summary>
    private static int NaiveBetween(DateOnly start, DateOnly end)
    {
        var count = 0;
        for (var d = start.AddDays(1); d <= end; d = d.AddDays(1))
        {
            if (BusinessDays.IsBusinessDay(d))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Day-by-day reference implementation of <see cref="BusinessDays.AddBusinessDays"/>.</summary>
    private static DateOnly NaiveAdd(DateOnly start, int days)
    {
        var d = start;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (BusinessDays.IsBusinessDay(d))
            {
                days--;
            }
        }

        return d;
    }

    // ---- IsBusinessDay ----

    [Fact]
    public void Ordinary_weekday_is_a_business_day()
    {
        Assert.True(BusinessDays.IsBusinessDay(D(2026, 3, 10))); // Tuesday
    }

    [Theory]
    [InlineData(2026, 3, 7)] // Saturday
    [InlineData(2026, 3, 8)] // Sunday
    public void Weekend_days_are_not_business_days(int year, int month, int day)
    {
        Assert.False(BusinessDays.IsBusinessDay(D(year, month, day)));
    }

    [Theory]
    [InlineData(2026, 1, 19)]  // Martin Luther King Jr. Day
    [InlineData(2026, 7, 3)]   // Independence Day observed (Jul 4 is a Saturday)
    [InlineData(2022, 12, 26)] // Christmas observed (Dec 25 is a Sunday)
    [InlineData(2021, 12, 31)] // New Year's Day 2022 observed (Jan 1 is a Saturday)
    [InlineData(2026, 11, 26)] // Thanksgiving
    public void Observed_holidays_are_not_business_days(int year, int month, int day)
    {
        Assert.False(BusinessDays.IsBusinessDay(D(year, month, day)));
    }

    [Fact]
    public void Juneteenth_before_2021_is_a_business_day()
    {
        Assert.True(BusinessDays.IsBusinessDay(D(2020, 6, 19))); // Friday
    }

    // ---- Between ----

    [Fact]
    public void Submitted_Monday_decided_Tuesday_is_one_business_day()
    {
        Assert.Equal(1, BusinessDays.Between(D(2026, 3, 9), D(2026, 3, 10)));
    }

    [Fact]
    public void Decided_the_same_day_is_zero_business_days()
    {
        Assert.Equal(0, BusinessDays.Between(D(2026, 3, 9), D(2026, 3, 9)));
    }

    [Fact]
    public void End_before_start_is_zero_business_days()
    {
        Assert.Equal(0, BusinessDays.Between(D(2026, 3, 20), D(2026, 3, 9)));
    }

    [Fact]
    public void Submitted_Friday_decided_Monday_is_one_business_day()
    {
        Assert.Equal(1, BusinessDays.Between(D(2026, 3, 6), D(2026, 3, 9)));
    }

    [Fact]
    public void Submitted_Friday_decided_over_the_weekend_is_zero_business_days()
    {
        Assert.Equal(0, BusinessDays.Between(D(2026, 3, 6), D(2026, 3, 7)));
        Assert.Equal(0, BusinessDays.Between(D(2026, 3, 6), D(2026, 3, 8)));
    }

    [Fact]
    public void Submitted_on_a_weekend_counting_starts_with_the_next_business_day()
    {
        Assert.Equal(1, BusinessDays.Between(D(2026, 3, 7), D(2026, 3, 9))); // Sat -> Mon
        Assert.Equal(1, BusinessDays.Between(D(2026, 3, 8), D(2026, 3, 9))); // Sun -> Mon
        Assert.Equal(0, BusinessDays.Between(D(2026, 3, 7), D(2026, 3, 8))); // Sat -> Sun
    }

    [Fact]
    public void Submitted_on_a_holiday_counting_starts_with_the_next_business_day()
    {
        // Mon Jan 19 2026 is MLK Day.
        Assert.Equal(1, BusinessDays.Between(D(2026, 1, 19), D(2026, 1, 20)));
        Assert.Equal(5, BusinessDays.Between(D(2026, 1, 19), D(2026, 1, 26)));
    }

    [Fact]
    public void Submitted_on_the_Friday_of_a_Saturday_holiday_decided_Monday_is_one_business_day()
    {
        // Fri Jul 3 2026 is the observed Independence Day.
        Assert.Equal(1, BusinessDays.Between(D(2026, 7, 3), D(2026, 7, 6)));
    }

    [Fact]
    public void Holiday_weekend_counts_as_one_business_day_from_Thursday_to_Monday()
    {
        Assert.Equal(1, BusinessDays.Between(D(2026, 7, 2), D(2026, 7, 6)));
        Assert.Equal(1, BusinessDays.Between(D(2026, 5, 22), D(2026, 5, 26))); // Memorial Day weekend: Fri -> Tue
    }

    [Fact]
    public void Thanksgiving_week_has_four_business_days()
    {
        // Fri Nov 20 2026 -> Fri Nov 27 2026: Mon, Tue, Wed, (Thanksgiving), Fri.
        Assert.Equal(4, BusinessDays.Between(D(2026, 11, 20), D(2026, 11, 27)));
        Assert.Equal(1, BusinessDays.Between(D(2026, 11, 25), D(2026, 11, 27)));
    }

    [Fact]
    public void Span_across_year_end_2025_to_2026_skips_Christmas_and_New_Years_Day()
    {
        // Wed Dec 24 2025 -> Fri Jan 2 2026: Dec 26, 29, 30, 31, Jan 2 (Dec 25 and Jan 1 are holidays).
        Assert.Equal(5, BusinessDays.Between(D(2025, 12, 24), D(2026, 1, 2)));
        Assert.Equal(4, BusinessDays.Between(D(2025, 12, 24), D(2026, 1, 1)));
    }

    [Fact]
    public void Span_across_year_end_2021_to_2022_skips_Dec_31_observed_New_Years_Day()
    {
        Assert.Equal(1, BusinessDays.Between(D(2021, 12, 30), D(2022, 1, 3)));
        Assert.Equal(0, BusinessDays.Between(D(2021, 12, 30), D(2021, 12, 31)));
    }

    [Fact]
    public void Calendar_year_2026_has_250_business_days()
    {
        // 261 weekdays minus 11 observed holidays.
        Assert.Equal(250, BusinessDays.Between(D(2025, 12, 31), D(2026, 12, 31)));
    }

    [Fact]
    public void Between_matches_a_day_by_day_count_for_all_short_spans_2024_to_2027()
    {
        for (var start = D(2023, 12, 1); start <= D(2027, 12, 31); start = start.AddDays(1))
        {
            for (var length = -3; length <= 45; length++)
            {
                var end = start.AddDays(length);
                Assert.Equal(NaiveBetween(start, end), BusinessDays.Between(start, end));
            }
        }
    }

    [Fact]
    public void Between_matches_a_day_by_day_count_for_long_spans()
    {
        var random = new Random(20260101);
        for (var i = 0; i < 500; i++)
        {
            var start = D(2015, 1, 1).AddDays(random.Next(0, 365 * 15));
            var end = start.AddDays(random.Next(0, 365 * 3));
            Assert.Equal(NaiveBetween(start, end), BusinessDays.Between(start, end));
        }
    }

    // ---- AddBusinessDays ----

    [Fact]
    public void Adding_zero_business_days_returns_the_start_date()
    {
        Assert.Equal(D(2026, 3, 7), BusinessDays.AddBusinessDays(D(2026, 3, 7), 0));
        Assert.Equal(D(2026, 3, 9), BusinessDays.AddBusinessDays(D(2026, 3, 9), 0));
    }

    [Fact]
    public void Adding_negative_business_days_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessDays.AddBusinessDays(D(2026, 3, 9), -1));
    }

    [Fact]
    public void Five_business_days_from_a_Monday_is_the_next_Monday()
    {
        Assert.Equal(D(2026, 3, 16), BusinessDays.AddBusinessDays(D(2026, 3, 9), 5));
    }

    [Fact]
    public void One_business_day_from_Friday_is_Monday()
    {
        Assert.Equal(D(2026, 3, 9), BusinessDays.AddBusinessDays(D(2026, 3, 6), 1));
    }

    [Fact]
    public void One_business_day_from_a_Saturday_is_Monday()
    {
        Assert.Equal(D(2026, 3, 9), BusinessDays.AddBusinessDays(D(2026, 3, 7), 1));
    }

    [Fact]
    public void Adding_business_days_skips_a_holiday_weekend()
    {
        // Thu Jul 2 2026 + 1: Fri Jul 3 is observed Independence Day, so Mon Jul 6.
        Assert.Equal(D(2026, 7, 6), BusinessDays.AddBusinessDays(D(2026, 7, 2), 1));
        // Fri May 22 2026 + 1: Mon May 25 is Memorial Day, so Tue May 26.
        Assert.Equal(D(2026, 5, 26), BusinessDays.AddBusinessDays(D(2026, 5, 22), 1));
    }

    [Fact]
    public void Adding_business_days_from_a_holiday_starts_with_the_next_business_day()
    {
        Assert.Equal(D(2026, 1, 20), BusinessDays.AddBusinessDays(D(2026, 1, 19), 1));
    }

    [Fact]
    public void Five_business_day_target_across_Thanksgiving_is_due_the_following_Tuesday()
    {
        // Mon Nov 23 2026: Tue 24, Wed 25, (Thu 26 Thanksgiving), Fri 27, Mon 30, Tue Dec 1.
        Assert.Equal(D(2026, 12, 1), BusinessDays.AddBusinessDays(D(2026, 11, 23), 5));
    }

    [Fact]
    public void Five_business_day_target_across_year_end_2025_skips_Christmas_and_New_Years_Day()
    {
        Assert.Equal(D(2026, 1, 2), BusinessDays.AddBusinessDays(D(2025, 12, 24), 5));
    }

    [Fact]
    public void One_business_day_from_Dec_30_2021_is_Jan_3_2022()
    {
        Assert.Equal(D(2022, 1, 3), BusinessDays.AddBusinessDays(D(2021, 12, 30), 1));
    }

    [Fact]
    public void Adding_a_years_worth_of_business_days_lands_on_the_last_business_day_of_2026()
    {
        Assert.Equal(D(2026, 12, 31), BusinessDays.AddBusinessDays(D(2025, 12, 31), 250));
    }

    [Fact]
    public void Between_and_AddBusinessDays_are_consistent_for_every_date_2024_to_2027()
    {
        for (var start = D(2024, 1, 1); start <= D(2027, 12, 31); start = start.AddDays(1))
        {
            var previous = start;
            for (var n = 0; n <= 40; n++)
            {
                var due = BusinessDays.AddBusinessDays(start, n);
                Assert.Equal(n, BusinessDays.Between(start, due));

                if (n > 0)
                {
                    // The earliest such date: a business day, with exactly n - 1 business days before it.
                    Assert.True(BusinessDays.IsBusinessDay(due), $"{start} + {n} = {due} is not a business day");
                    Assert.Equal(n - 1, BusinessDays.Between(start, due.AddDays(-1)));
                    Assert.True(due > previous);
                }

                previous = due;
            }
        }
    }

    [Fact]
    public void AddBusinessDays_matches_a_day_by_day_walk_for_large_counts()
    {
        var random = new Random(6103);
        for (var i = 0; i < 500; i++)
        {
            var start = D(2015, 1, 1).AddDays(random.Next(0, 365 * 15));
            var days = random.Next(0, 800);
            Assert.Equal(NaiveAdd(start, days), BusinessDays.AddBusinessDays(start, days));
        }
    }
}
