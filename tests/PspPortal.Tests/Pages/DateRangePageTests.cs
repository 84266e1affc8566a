using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Milestones;

namespace PspPortal.Tests.Pages;

/// <summary>Every date a person types has a range: out of it, the form names the problem next to the field and nothing
/// is stored; a filter date out of it is named and ignored; and no stored date can make the calendar feed fail.</summary>
[Collection(PortalTests.Name)]
public class DateRangePageTests(PortalFactory factory)
{
    private static DateOnly Today => TtaArrange.Today;

    private async Task<int> SiteIdAsync(string name, string state)
    {
        await using var db = factory.CreateDbContext();
        return await db.Sites.Where(s => s.Name == name && s.State == state).Select(s => s.Id).SingleAsync();
    }

    /// <summary>A planned milestone of its own in the site's current engagement, due in ten days.</summary>
    private async Task<int> NewMilestoneAsync(string site, string state)
    {
        await using var db = factory.CreateDbContext();
        var engagement = await db.Engagements.Where(e => e.Site!.Name == site && e.Site.State == state).OrderByDescending(e => e.StartDate).FirstAsync();
        var milestone = new EngagementMilestone { Title = $"Dated milestone {Guid.NewGuid():N}", DueDate = Today.AddDays(10), OriginalDueDate = Today.AddDays(10) };
        engagement.Milestones.Add(milestone);
        await db.SaveChangesAsync();
        return milestone.Id;
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task A_new_milestone_due_outside_the_engagement_is_refused_next_to_the_field_and_not_added(string due)
    {
        var tampa = await SiteIdAsync("Tampa", "FL");
        var title = $"Far milestone {Guid.NewGuid():N}";
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);

        var response = await liaison.SubmitFormAsync($"/Sites/{tampa}/Milestones/New", "#new-milestone-form", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Kind"] = ((int)MilestoneKind.Other).ToString(CultureInfo.InvariantCulture),
            ["Input.DueDate"] = due,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("two years after its end", page.QuerySelector("#Input_DueDate-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#error-summary a[href='#Input_DueDate']"));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Milestones.AnyAsync(m => m.Title == title));
    }

    [Fact]
    public async Task A_completion_date_before_the_engagement_or_a_new_due_date_far_away_is_refused_next_to_the_field()
    {
        var id = await NewMilestoneAsync("Tampa", "FL");
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);

        var complete = await liaison.SubmitFormAsync($"/Milestones/{id}", "#complete-form", new Dictionary<string, string> { ["Complete.CompletedOn"] = "0001-01-01" });
        var reschedule = await liaison.SubmitFormAsync($"/Milestones/{id}", "#reschedule-form", new Dictionary<string, string>
        {
            ["Reschedule.NewDueDate"] = "9999-12-31",
            ["Reschedule.Reason"] = "Typo",
        });

        Assert.Contains("engagement's start", (await PortalClient.ParseAsync(complete)).QuerySelector("#Complete_CompletedOn-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("two years after its end", (await PortalClient.ParseAsync(reschedule)).QuerySelector("#Reschedule_NewDueDate-error")!.TextContent, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        var milestone = await db.Milestones.AsNoTracking().Include(m => m.Changes).SingleAsync(m => m.Id == id);
        Assert.Equal((MilestoneStatus.Planned, Today.AddDays(10), (DateOnly?)null), (milestone.Status, milestone.DueDate, milestone.CompletedOn));
        Assert.Empty(milestone.Changes);
    }

    [Fact]
    public async Task A_milestone_row_with_the_last_date_there_is_does_not_break_the_calendar_feed()
    {
        using var poc = await factory.SignInAsync(DemoUsers.Poc);
        var created = await poc.SubmitFormAsync("/Milestones", "form[action*='handler=CreateFeed']", new Dictionary<string, string>());
        var feed = new Uri((await PortalClient.ParseAsync(created)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#feed-url")!.Value).AbsolutePath;
        var id = await NewMilestoneAsync("Tampa", "FL");
        await using var db = factory.CreateDbContext();
        // A row as an older version of the portal could store it: nothing in the database limits the date.
        await db.Database.ExecuteSqlAsync($"UPDATE Milestones SET DueDate = '9999-12-31' WHERE Id = {id}");
        try
        {
            using var calendar = factory.CreatePortalClient();

            var response = await calendar.GetAsync(feed);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var events = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!.Events;
            Assert.NotEmpty(events);
            Assert.DoesNotContain(events, e => e.Uid == $"milestone-{id}@psp-portal");
            Assert.All(events, e => Assert.True(e.DtStart!.Date <= Today.AddYears(CalendarFeed.YearsAhead)));
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM Milestones WHERE Id = {id}");
        }
    }

    [Theory]
    [InlineData("from=0001-01-01&to=9999-12-31", "From", "To")]
    [InlineData("from=9999-12-31", "From", null)]
    [InlineData("from=not-a-date&to=2026-13-45", "From", "To")]
    [InlineData("from=2025-06-01&to=2025-05-01", null, "To")]
    public async Task Audit_filter_dates_out_of_range_are_named_next_to_the_field_and_ignored(string query, string? fromError, string? toError)
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);
        var all = await admin.GetDocumentAsync("/Admin/Audit?kind=Security");

        var response = await admin.GetAsync($"/Admin/Audit?kind=Security&{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        foreach (var (field, expected) in new[] { ("From", fromError), ("To", toError) })
        {
            var error = page.QuerySelector($"#{field}-error");
            Assert.Equal(expected is not null, error is not null);
            if (error is not null)
            {
                Assert.Matches("^(Enter a|The “to” date)", error.TextContent);
                Assert.Equal("true", page.GetElementById(field)!.GetAttribute("aria-invalid"));
                Assert.NotNull(page.QuerySelector($"#error-summary a[href='#{field}']"));
            }
        }

        if (fromError is not null && toError is not null)
        {
            // Both dates are left out of the search: the list is the unfiltered one.
            Assert.Equal(all.QuerySelector("caption")!.TextContent.Split(',')[0], page.QuerySelector("caption")!.TextContent.Split(',')[0]);
        }
    }
}
