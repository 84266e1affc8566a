using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Pages.Milestones;

namespace PspPortal.Tests.Pages;

[Collection(PortalTests.Name)]
public class CalendarFeedPageTests(PortalFactory factory)
{
    /// <summary>Creates (or replaces) the user's link through the page and returns the feed's path, shown once.</summary>
    private static async Task<string> CreateLinkAsync(PortalClient client)
    {
        var response = await client.SubmitFormAsync("/Milestones", "form[action*='handler=CreateFeed']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var url = new Uri(page.QuerySelector<IHtmlInputElement>("#feed-url")!.Value);
        return url.AbsolutePath;
    }

    [Fact]
    public async Task The_feed_holds_the_milestones_in_the_owner_s_scope_and_needs_no_sign_in()
    {
        using var poc = await factory.SignInAsync(DemoUsers.Poc);
        var path = await CreateLinkAsync(poc);
        using var calendar = factory.CreatePortalClient();
        await using var db = factory.CreateDbContext();
        var since = TtaArrange.Today.AddDays(-CalendarFeed.DaysBack);
        var expected = await db.Milestones.CountAsync(m => m.Engagement!.Site!.Name == "Tampa" && m.Engagement.Site.State == "FL" && m.DueDate >= since);

        var response = await calendar.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var feed = Ical.Net.Calendar.Load(ics)!;
        Assert.True(expected > 0);
        Assert.Equal(expected, feed.Events.Count);
        Assert.All(feed.Events, e => Assert.StartsWith("Tampa, FL: ", e.Summary, StringComparison.Ordinal));
        Assert.All(feed.Events, e => Assert.Matches("^milestone-[0-9]+@psp-portal$", e.Uid));
        Assert.False((await calendar.GetAsync("/Milestones")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_link_shows_once_and_only_its_hash_is_stored()
    {
        using var client = await factory.SignInAsync(DemoUsers.Analyst);
        var path = await CreateLinkAsync(client);
        var token = path["/Calendar/".Length..^".ics".Length];
        await using var db = factory.CreateDbContext();

        var stored = await db.Users.Where(u => u.Email == DemoUsers.Analyst).Select(u => u.CalendarFeedTokenHash).SingleAsync();
        var later = await client.GetDocumentAsync("/Milestones");

        Assert.Equal(CalendarFeed.Hash(token), stored);
        Assert.Null(later.QuerySelector("#feed-url"));
        Assert.DoesNotContain(token, later.Source.Text, StringComparison.Ordinal);
        Assert.Equal("You have a calendar link.", later.QuerySelector("#feed-state")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_replaced_or_revoked_link_answers_404()
    {
        using var client = await factory.SignInAsync(DemoUsers.Liaison);
        using var calendar = factory.CreatePortalClient();
        var first = await CreateLinkAsync(client);
        var second = await CreateLinkAsync(client);

        Assert.Equal(HttpStatusCode.NotFound, (await calendar.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendar.GetAsync(second)).StatusCode);

        var revoked = await client.SubmitFormAsync("/Milestones", "#revoke-feed-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendar.GetAsync(second)).StatusCode);
        Assert.Equal("You have no calendar link.", (await client.GetDocumentAsync("/Milestones")).QuerySelector("#feed-state")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_unknown_token_answers_404()
    {
        using var calendar = factory.CreatePortalClient();

        Assert.Equal(HttpStatusCode.NotFound, (await calendar.GetAsync($"/Calendar/{CalendarFeed.NewToken()}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendar.GetAsync("/Calendar/x.ics")).StatusCode);
    }

    [Fact]
    public async Task The_feed_of_a_disabled_user_answers_404()
    {
        using var client = await factory.SignInAsync(DemoUsers.Champion);
        var path = await CreateLinkAsync(client);
        using var calendar = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await calendar.GetAsync(path)).StatusCode);

        await using var db = factory.CreateDbContext();
        var champion = await db.Users.SingleAsync(u => u.Email == DemoUsers.Champion);
        champion.IsDisabled = true;
        await db.SaveChangesAsync();
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await calendar.GetAsync(path)).StatusCode);
        }
        finally
        {
            champion.IsDisabled = false;
            await db.SaveChangesAsync();
        }
    }
}
