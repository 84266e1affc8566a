using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Milestones;

namespace PspPortal.Tests.Pages;

[Collection(PortalTests.Name)]
public class MilestonePageTests(PortalFactory factory)
{
    private static DateOnly Today => TtaArrange.Today;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A milestone of its own for each test, in the site's current engagement, due in ten days.</summary>
    private async Task<int> NewMilestoneAsync(string site, string state)
    {
        await using var db = factory.CreateDbContext();
        var engagement = await db.Engagements
            .Where(e => e.Site!.Name == site && e.Site.State == state)
            .OrderByDescending(e => e.StartDate)
            .FirstAsync();
        var milestone = new EngagementMilestone { Title = $"Test milestone {Guid.NewGuid():N}", DueDate = Today.AddDays(10), OriginalDueDate = Today.AddDays(10) };
        engagement.Milestones.Add(milestone);
        await db.SaveChangesAsync();
        return milestone.Id;
    }

    private async Task<EngagementMilestone> ReadAsync(int id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Milestones.AsNoTracking().Include(m => m.Changes).SingleAsync(m => m.Id == id);
    }

    private static async Task<HttpResponseMessage> PostActionAsync(PortalClient client, int id, string handler, Guid version, params (string Key, string Value)[] fields)
    {
        // Any page's antiforgery token will do: the layout's sign-out form carries one for the signed-in user.
        var token = await client.AntiforgeryTokenAsync("/Milestones");
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("Version", version.ToString()) };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return await client.PostAsync($"/Milestones/{id}?handler={handler}", values);
    }

    [Fact]
    public async Task Liaison_marks_a_milestone_of_a_site_in_scope_complete()
    {
        var id = await NewMilestoneAsync("Tampa", "FL");
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var response = await client.SubmitFormAsync($"/Milestones/{id}", "#complete-form", new Dictionary<string, string>
        {
            ["Complete.CompletedOn"] = Iso(Today.AddDays(-1)),
            ["Complete.Note"] = "Signed by the mayor",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var milestone = await ReadAsync(id);
        Assert.Equal((MilestoneStatus.Completed, (DateOnly?)Today.AddDays(-1)), (milestone.Status, milestone.CompletedOn));
        var change = Assert.Single(milestone.Changes);
        Assert.Equal((MilestoneActions.Completed, "Signed by the mayor"), (change.Action, change.Reason));
        var page = await client.GetDocumentAsync($"/Milestones/{id}");
        Assert.Contains("marked complete", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Signed by the mayor", page.QuerySelector("#history-table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liaison_reschedules_with_a_reason_and_the_history_keeps_both_dates()
    {
        var id = await NewMilestoneAsync("Seattle", "WA");
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var response = await client.SubmitFormAsync($"/Milestones/{id}", "#reschedule-form", new Dictionary<string, string>
        {
            ["Reschedule.NewDueDate"] = Iso(Today.AddDays(45)),
            ["Reschedule.Reason"] = "Council recess",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var milestone = await ReadAsync(id);
        Assert.Equal((MilestoneStatus.Planned, Today.AddDays(45), Today.AddDays(10)), (milestone.Status, milestone.DueDate, milestone.OriginalDueDate));
        var change = Assert.Single(milestone.Changes);
        Assert.Equal((MilestoneActions.Rescheduled, (DateOnly?)Today.AddDays(10), (DateOnly?)Today.AddDays(45), "Council recess"),
            (change.Action, change.FromDueDate, change.ToDueDate, change.Reason));
    }

    [Fact]
    public async Task Liaison_defers_with_a_reason()
    {
        var id = await NewMilestoneAsync("Knoxville", "TN");
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var response = await client.SubmitFormAsync($"/Milestones/{id}", "#defer-form", new Dictionary<string, string>
        {
            ["Defer.Reason"] = "Chief's transition",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var milestone = await ReadAsync(id);
        Assert.Equal(MilestoneStatus.Deferred, milestone.Status);
        Assert.Equal((MilestoneActions.Deferred, "Chief's transition"), (milestone.Changes.Single().Action, milestone.Changes.Single().Reason));
    }

    [Fact]
    public async Task Rescheduling_or_deferring_without_a_reason_is_refused_and_changes_nothing()
    {
        var id = await NewMilestoneAsync("Tampa", "FL");
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var reschedule = await client.SubmitFormAsync($"/Milestones/{id}", "#reschedule-form", new Dictionary<string, string>
        {
            ["Reschedule.NewDueDate"] = Iso(Today.AddDays(45)),
            ["Reschedule.Reason"] = " ",
        });
        var defer = await client.SubmitFormAsync($"/Milestones/{id}", "#defer-form", new Dictionary<string, string> { ["Defer.Reason"] = "" });
        var future = await client.SubmitFormAsync($"/Milestones/{id}", "#complete-form", new Dictionary<string, string> { ["Complete.CompletedOn"] = Iso(Today.AddDays(3)) });

        Assert.Equal(HttpStatusCode.OK, reschedule.StatusCode);
        var page = await PortalClient.ParseAsync(reschedule);
        Assert.Contains("Give the reason for rescheduling.", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Iso(Today.AddDays(45)), page.QuerySelector("#Reschedule_NewDueDate")!.GetAttribute("value"));
        Assert.Contains("Give the reason for deferring.", (await PortalClient.ParseAsync(defer)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("cannot be in the future", (await PortalClient.ParseAsync(future)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        var milestone = await ReadAsync(id);
        Assert.Equal((MilestoneStatus.Planned, Today.AddDays(10)), (milestone.Status, milestone.DueDate));
        Assert.Empty(milestone.Changes);
    }

    [Fact]
    public async Task A_new_due_date_that_is_not_a_date_is_refused_with_one_message()
    {
        var id = await NewMilestoneAsync("Tampa", "FL");
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var response = await client.SubmitFormAsync($"/Milestones/{id}", "#reschedule-form", new Dictionary<string, string>
        {
            ["Reschedule.NewDueDate"] = "2026-02-30",
            ["Reschedule.Reason"] = "Typo",
        });

        var page = await PortalClient.ParseAsync(response);
        Assert.Single(page.QuerySelectorAll("#error-summary li"));
        Assert.NotNull(page.QuerySelector("#Reschedule_NewDueDate[aria-invalid=true]"));
        Assert.Equal(Today.AddDays(10), (await ReadAsync(id)).DueDate);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_a_message_and_nothing_is_overwritten()
    {
        var id = await NewMilestoneAsync("Tampa", "FL");
        using var client = await factory.SignInAsync(DemoUsers.Liaison);
        var seen = (await ReadAsync(id)).Version;
        // Someone else defers it meanwhile.
        Assert.Equal(HttpStatusCode.Redirect, (await PostActionAsync(client, id, "Defer", seen, ("Defer.Reason", "First"))).StatusCode);

        var stale = await PostActionAsync(client, id, "Reschedule", seen, ("Reschedule.NewDueDate", Iso(Today.AddDays(90))), ("Reschedule.Reason", "Second"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await PortalClient.ParseAsync(stale);
        Assert.Contains(EditModel.StaleMessage, page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Deferred", page.QuerySelector("#milestone-status")!.TextContent.Trim());
        var milestone = await ReadAsync(id);
        Assert.Equal((MilestoneStatus.Deferred, Today.AddDays(10)), (milestone.Status, milestone.DueDate));
        Assert.Equal([MilestoneActions.Deferred], milestone.Changes.Select(c => c.Action));
        Assert.Equal(milestone.Version.ToString(), page.QuerySelector("#reschedule-form input[name=Version]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Site_contact_sees_the_milestone_without_actions_and_its_posts_change_nothing()
    {
        var id = await NewMilestoneAsync("Tampa", "FL");
        using var client = await factory.SignInAsync(DemoUsers.Poc);
        var version = (await ReadAsync(id)).Version;

        var page = await client.GetDocumentAsync($"/Milestones/{id}");
        var complete = await PostActionAsync(client, id, "Complete", version, ("Complete.CompletedOn", Iso(Today)));
        var defer = await PostActionAsync(client, id, "Defer", version, ("Defer.Reason", "No"));
        var notes = await PostActionAsync(client, id, "Notes", version, ("NotesForm.Notes", "Mine"));

        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.DoesNotContain(page.QuerySelectorAll("button"), b => b.TextContent.Trim() is "Mark complete" or "Reschedule" or "Defer");
        foreach (var response in new[] { complete, defer, notes })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var milestone = await ReadAsync(id);
        Assert.Equal((MilestoneStatus.Planned, (string?)null, version), (milestone.Status, milestone.Notes, milestone.Version));
        Assert.Empty(milestone.Changes);
    }

    [Fact]
    public async Task Posts_for_a_site_out_of_scope_answer_404_and_change_nothing()
    {
        var id = await NewMilestoneAsync("Pueblo", "CO");
        using var client = await factory.SignInAsync(DemoUsers.Liaison);
        var version = (await ReadAsync(id)).Version;

        var complete = await PostActionAsync(client, id, "Complete", version, ("Complete.CompletedOn", Iso(Today)));
        var reschedule = await PostActionAsync(client, id, "Reschedule", version, ("Reschedule.NewDueDate", Iso(Today.AddDays(40))), ("Reschedule.Reason", "x"));
        var defer = await PostActionAsync(client, id, "Defer", version, ("Defer.Reason", "x"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Milestones/{id}")).StatusCode);
        Assert.All([complete, reschedule, defer], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var milestone = await ReadAsync(id);
        Assert.Equal((MilestoneStatus.Planned, Today.AddDays(10), version), (milestone.Status, milestone.DueDate, milestone.Version));
        Assert.Empty(milestone.Changes);
    }

    [Fact]
    public async Task Analyst_keeps_notes_but_cannot_complete()
    {
        var id = await NewMilestoneAsync("Seattle", "WA");
        using var client = await factory.SignInAsync(DemoUsers.Analyst);

        var page = await client.GetDocumentAsync($"/Milestones/{id}");
        var notes = await client.SubmitFormAsync($"/Milestones/{id}", "#notes-form", new Dictionary<string, string> { ["NotesForm.Notes"] = "Venue booked" });
        var complete = await PostActionAsync(client, id, "Complete", (await ReadAsync(id)).Version, ("Complete.CompletedOn", Iso(Today)));

        Assert.Null(page.QuerySelector("#complete-form"));
        Assert.Equal(HttpStatusCode.Redirect, notes.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Contains("/Account/AccessDenied", complete.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var milestone = await ReadAsync(id);
        Assert.Equal((MilestoneStatus.Planned, "Venue booked"), (milestone.Status, milestone.Notes));
        Assert.Equal([MilestoneActions.NotesUpdated], milestone.Changes.Select(c => c.Action));
    }

    [Theory]
    [InlineData(DemoUsers.Bja, true)]
    [InlineData(DemoUsers.Admin, false)]
    [InlineData(DemoUsers.Champion, false)]
    public async Task Bja_staff_change_any_site_s_milestones_and_the_administrator_and_champion_none(string email, bool allowed)
    {
        var id = await NewMilestoneAsync("Pueblo", "CO");
        using var client = await factory.SignInAsync(email);

        var page = await client.GetDocumentAsync($"/Milestones/{id}");
        var response = await PostActionAsync(client, id, "Defer", (await ReadAsync(id)).Version, ("Defer.Reason", "Paused"));

        Assert.Equal(allowed, page.QuerySelector("#defer-form") is not null);
        Assert.Equal(allowed ? MilestoneStatus.Deferred : MilestoneStatus.Planned, (await ReadAsync(id)).Status);
        Assert.Equal(allowed, !response.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Site_page_offers_changes_to_the_liaison_and_not_to_the_site_contact()
    {
        await using var db = factory.CreateDbContext();
        var tampa = await db.Sites.Where(s => s.Name == "Tampa" && s.State == "FL").Select(s => s.Id).SingleAsync();
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        using var poc = await factory.SignInAsync(DemoUsers.Poc);

        var liaisonPage = await liaison.GetDocumentAsync($"/Sites/{tampa}");
        var pocPage = await poc.GetDocumentAsync($"/Sites/{tampa}");

        var rows = liaisonPage.QuerySelectorAll("#milestone-table tbody tr").Length;
        Assert.Equal(rows, liaisonPage.QuerySelectorAll("#milestone-table a[href^='/Milestones/']").Length);
        Assert.NotNull(liaisonPage.QuerySelector($"a[href='/Sites/{tampa}/Milestones/New']"));
        Assert.Empty(pocPage.QuerySelectorAll("#milestone-table a[href^='/Milestones/']"));
        Assert.Null(pocPage.QuerySelector($"a[href='/Sites/{tampa}/Milestones/New']"));
        Assert.Equal(rows, pocPage.QuerySelectorAll("#milestone-table tbody tr").Length);
    }

    [Fact]
    public async Task Liaison_adds_a_milestone_and_a_site_contact_cannot()
    {
        await using var db = factory.CreateDbContext();
        var tampa = await db.Sites.Where(s => s.Name == "Tampa" && s.State == "FL").Select(s => s.Id).SingleAsync();
        var title = $"Gun violence review {Guid.NewGuid():N}";
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        using var poc = await factory.SignInAsync(DemoUsers.Poc);

        var added = await liaison.SubmitFormAsync($"/Sites/{tampa}/Milestones/New", "#new-milestone-form", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Kind"] = ((int)MilestoneKind.Review).ToString(CultureInfo.InvariantCulture),
            ["Input.DueDate"] = Iso(Today.AddDays(60)),
            ["Input.Reason"] = "Asked by the chief",
        });
        var refused = await poc.GetAsync($"/Sites/{tampa}/Milestones/New");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var milestone = await db.Milestones.AsNoTracking().Include(m => m.Changes).SingleAsync(m => m.Title == title);
        Assert.Equal((MilestoneKind.Review, Today.AddDays(60)), (milestone.Kind, milestone.DueDate));
        Assert.Equal(MilestoneActions.Added, Assert.Single(milestone.Changes).Action);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Milestones_page_lists_overdue_and_due_soon_by_site_within_scope()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);

        var all = await client.GetDocumentAsync("/Milestones");
        var overdue = await client.GetDocumentAsync("/Milestones?show=Overdue");

        Assert.Equal(["Tampa, FL"], all.QuerySelectorAll("main section h2 a").Select(a => a.TextContent.Trim()));
        var overdueRows = overdue.QuerySelectorAll("main section table tbody tr");
        Assert.NotEmpty(overdueRows);
        Assert.All(overdueRows, r => Assert.Contains("Overdue by", r.TextContent, StringComparison.Ordinal));
        Assert.Equal(overdue.QuerySelector("#overdue-count")!.TextContent.Trim(), overdueRows.Length.ToString(CultureInfo.InvariantCulture));
    }
}
