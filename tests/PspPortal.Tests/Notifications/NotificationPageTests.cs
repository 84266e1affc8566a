using System.Net;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Notifications;

[Collection(PortalTests.Name)]
public sealed class NotificationPageTests(PortalFactory portal)
{
    private async Task<string> UserIdAsync(string email)
    {
        using var db = portal.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<Notification> NotifyAsync(string email, string link = "/Tta")
    {
        using var db = portal.CreateDbContext();
        var notification = new Notification
        {
            UserId = await UserIdAsync(email),
            Kind = NotificationKind.InformationRequested,
            Text = $"A question for a test {Guid.NewGuid():N}",
            Link = link,
            CreatedAt = DateTime.UtcNow,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification;
    }

    private async Task<int> UnreadAsync(string email)
    {
        var id = await UserIdAsync(email);
        using var db = portal.CreateDbContext();
        return await db.Notifications.CountAsync(n => n.UserId == id && n.ReadAt == null);
    }

    [Fact]
    public async Task The_header_of_every_page_names_the_unread_count()
    {
        await NotifyAsync(DemoUsers.Poc);
        using var client = await portal.SignInAsync(DemoUsers.Poc);
        var unread = await UnreadAsync(DemoUsers.Poc);
        Assert.True(unread > 0);
        foreach (var page in new[] { "/", "/Tta", "/Toolkits" })
        {
            var document = await client.GetDocumentAsync(page);
            var link = document.QuerySelector("header a[href='/Notifications']");
            Assert.NotNull(link);
            // What a screen reader reads as the link's name (the visible "Notifications" and tag are hidden from it).
            Assert.Equal($"Notifications, {unread} unread", link!.QuerySelector(".usa-sr-only")?.TextContent);
        }
    }

    [Fact]
    public async Task The_header_count_follows_notifications_that_arrive_and_are_read_between_pages()
    {
        using var client = await portal.SignInAsync(DemoUsers.Poc2);
        static string? Name(AngleSharp.Dom.IDocument page) => page.QuerySelector("header a[href='/Notifications'] .usa-sr-only")?.TextContent;

        var before = await UnreadAsync(DemoUsers.Poc2);
        Assert.Equal($"Notifications, {before} unread", Name(await client.GetDocumentAsync("/")));

        await NotifyAsync(DemoUsers.Poc2);
        await NotifyAsync(DemoUsers.Poc2);
        Assert.Equal($"Notifications, {before + 2} unread", Name(await client.GetDocumentAsync("/")));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/Notifications", "form[action*='MarkAllRead']", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(0, await UnreadAsync(DemoUsers.Poc2));
        Assert.Equal("Notifications, 0 unread", Name(await client.GetDocumentAsync("/Tta")));
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_goes_to_its_page()
    {
        var notification = await NotifyAsync(DemoUsers.Poc, "/Toolkits");
        using var client = await portal.SignInAsync(DemoUsers.Poc);
        var list = await client.GetDocumentAsync("/Notifications");
        Assert.Contains(notification.Text, list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var opened = await client.SubmitFormAsync("/Notifications", $"form[action*='id={notification.Id}']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/Toolkits", opened.Headers.Location?.OriginalString);
        using var db = portal.CreateDbContext();
        Assert.NotNull((await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == notification.Id)).ReadAt);
    }

    [Fact]
    public async Task A_user_never_sees_opens_or_marks_another_s_notifications()
    {
        var theirs = await NotifyAsync(DemoUsers.Poc);
        using var liaison = await portal.SignInAsync(DemoUsers.Liaison);
        var list = await liaison.GetDocumentAsync("/Notifications");
        Assert.DoesNotContain(theirs.Text, list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // A forged id, with a valid token of the liaison's own session.
        var token = await liaison.AntiforgeryTokenAsync("/Notifications");
        var forged = await liaison.PostAsync($"/Notifications?handler=Open&id={theirs.Id}", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        // "Mark all as read" marks the liaison's own only.
        await NotifyAsync(DemoUsers.Liaison);
        var all = await liaison.PostAsync("/Notifications?handler=MarkAllRead", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Equal(0, await UnreadAsync(DemoUsers.Liaison));
        using var db = portal.CreateDbContext();
        Assert.Null((await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == theirs.Id)).ReadAt);
    }

    [Fact]
    public async Task Someone_who_stops_following_a_request_hears_nothing_of_its_comments()
    {
        var request = await TtaArrange.RequestAsync(portal, "Tampa", TtaStatus.Submitted);
        var liaisonId = await UserIdAsync(DemoUsers.Liaison);
        using var liaison = await portal.SignInAsync(DemoUsers.Liaison);

        var follow = await liaison.SubmitFormAsync($"/Tta/{request.Id}", "form[action*='handler=Follow']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        var page = await liaison.GetDocumentAsync($"/Tta/{request.Id}");
        Assert.Contains("Stop following", page.QuerySelector("form[action*='handler=Follow'] button")!.TextContent, StringComparison.Ordinal);

        await AddCommentAsync(request.Id);
        using (var db = portal.CreateDbContext())
        {
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == liaisonId && n.Kind == NotificationKind.CommentAdded && n.Link == $"/Tta/{request.Id}"));
        }

        await liaison.SubmitFormAsync($"/Tta/{request.Id}", "form[action*='handler=Follow']", new Dictionary<string, string>());
        await AddCommentAsync(request.Id);
        using (var db = portal.CreateDbContext())
        {
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.UserId == liaisonId && n.Kind == NotificationKind.CommentAdded && n.Link == $"/Tta/{request.Id}"));
        }
    }

    private async Task AddCommentAsync(int requestId)
    {
        using var db = portal.CreateDbContext();
        db.TtaRequestComments.Add(new TtaRequestComment { TtaRequestId = requestId, AuthorName = "Someone else", Body = "A comment.", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }
}
