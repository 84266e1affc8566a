using Ical.Net;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Milestones;

namespace PspPortal.Tests.Rendering;

public class CalendarFeedTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Each_milestone_is_an_all_day_event_with_a_stable_uid_and_the_site_in_its_summary()
    {
        var ics = CalendarFeed.Build(
            [
                new(41, 7, "Tampa", "FL", "Year-two review", new DateOnly(2026, 12, 1), MilestoneStatus.Planned, null, "Sam", null),
                new(42, 7, "Tampa", "FL", "Peer exchange completed", new DateOnly(2026, 3, 1), MilestoneStatus.Deferred, null, null, "Paused"),
            ],
            Today,
            new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc),
            new Uri("https://portal.example/"));

        var calendar = Calendar.Load(ics)!;
        Assert.Equal(2, calendar.Events.Count);
        var review = calendar.Events.Single(e => e.Uid == "milestone-41@psp-portal");
        Assert.Equal("Tampa, FL: Year-two review", review.Summary);
        Assert.False(review.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2026, 12, 1), review.DtStart.Date);
        Assert.Equal("CONFIRMED", review.Status);
        Assert.Equal("CANCELLED", calendar.Events.Single(e => e.Uid == "milestone-42@psp-portal").Status);
        Assert.Contains("DTSTART;VALUE=DATE:20261201", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void A_milestone_on_the_last_or_first_day_a_calendar_can_hold_does_not_break_the_feed()
    {
        var ics = CalendarFeed.Build(
            [
                new(1, 7, "Tampa", "FL", "Typed as 9999", DateOnly.MaxValue, MilestoneStatus.Planned, null, null, null),
                new(2, 7, "Tampa", "FL", "Typed as 0001", DateOnly.MinValue, MilestoneStatus.Planned, null, null, null),
                new(3, 7, "Tampa", "FL", "Year-two review", new DateOnly(2026, 12, 1), MilestoneStatus.Planned, null, null, null),
            ],
            Today,
            new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc),
            new Uri("https://portal.example/"));

        var calendar = Calendar.Load(ics)!;
        Assert.Equal(3, calendar.Events.Count);
        Assert.Contains("DTSTART;VALUE=DATE:99991231", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;VALUE=DATE:20261202", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_are_random_and_only_their_hash_is_kept()
    {
        var a = CalendarFeed.NewToken();
        var b = CalendarFeed.NewToken();

        Assert.NotEqual(a, b);
        Assert.Equal(43, a.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", a);
        Assert.Equal(64, CalendarFeed.Hash(a).Length);
        Assert.Equal(CalendarFeed.Hash(a), CalendarFeed.Hash(a));
        Assert.DoesNotContain(a, CalendarFeed.Hash(a), StringComparison.Ordinal);
    }
}
