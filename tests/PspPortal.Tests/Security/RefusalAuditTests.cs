using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Security;

/// <summary>Refusals made inside page handlers are security events, one per refusal, with the user and the method and
/// path only; the pages that explain a refusal add none of their own.</summary>
[Collection(PortalTests.Name)]
public class RefusalAuditTests(PortalFactory factory)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private async Task<long> LastAuditIdAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.AuditEntries.MaxAsync(a => a.Id);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = factory.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The security events written after <paramref name="since"/>.</summary>
    private async Task<List<AuditEntry>> SecurityEventsAfterAsync(long since)
    {
        await using var db = factory.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Id > since && a.Kind == AuditKinds.Security).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task A_liaison_opening_a_request_out_of_scope_leaves_one_not_found_or_out_of_scope_event_without_the_query()
    {
        var pueblo = await TtaArrange.RequestAsync(factory, "Pueblo", TtaStatus.Submitted);
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        var since = await LastAuditIdAsync();

        var response = await liaison.GetAsync($"/Tta/{pueblo.Id}?token=a-secret-in-the-query");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var entry = Assert.Single(await SecurityEventsAfterAsync(since));
        Assert.Equal((SecurityActions.NotFoundOrOutOfScope, await UserIdAsync(DemoUsers.Liaison), DemoUsers.Liaison, $"GET /Tta/{pueblo.Id}"),
            (entry.Action, entry.UserId, entry.UserName, entry.Details));
    }

    [Fact]
    public async Task A_liaison_opening_a_site_out_of_scope_leaves_one_not_found_or_out_of_scope_event()
    {
        await using var db = factory.CreateDbContext();
        var pueblo = await db.Sites.Where(s => s.Name == "Pueblo" && s.State == "CO").Select(s => s.Id).SingleAsync();
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        var since = await LastAuditIdAsync();

        var response = await liaison.GetAsync($"/Sites/{pueblo}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var entry = Assert.Single(await SecurityEventsAfterAsync(since));
        Assert.Equal((SecurityActions.NotFoundOrOutOfScope, await UserIdAsync(DemoUsers.Liaison), $"GET /Sites/{pueblo}"), (entry.Action, entry.UserId, entry.Details));
    }

    [Fact]
    public async Task A_site_contact_posting_a_decision_their_role_may_not_take_leaves_one_access_denied_event()
    {
        var request = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.InReview);
        using var poc = await factory.SignInAsync(DemoUsers.Poc);
        var token = await poc.AntiforgeryTokenAsync($"/Tta/{request.Id}");
        var since = await LastAuditIdAsync();

        var response = await poc.PostAsync($"/Tta/{request.Id}?handler=Act", [
            new("__RequestVerificationToken", token),
            new("Act.Action", nameof(TtaAction.Decline)),
            new("Act.Version", request.Version.ToString()),
            new("Act.Reason", "Not mine to decide"),
        ]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var entry = Assert.Single(await SecurityEventsAfterAsync(since));
        Assert.Equal((SecurityActions.AccessDenied, await UserIdAsync(DemoUsers.Poc), $"POST /Tta/{request.Id}"), (entry.Action, entry.UserId, entry.Details));
    }

    [Fact]
    public async Task An_analyst_forbidden_to_complete_a_milestone_leaves_one_access_denied_event_and_the_access_denied_page_none()
    {
        int id;
        Guid version;
        await using (var db = factory.CreateDbContext())
        {
            var engagement = await db.Engagements.Where(e => e.Site!.Name == "Seattle").OrderByDescending(e => e.StartDate).FirstAsync();
            var milestone = new EngagementMilestone { Title = $"Refusal audit {Guid.NewGuid():N}", DueDate = TtaArrange.Today.AddDays(5), OriginalDueDate = TtaArrange.Today.AddDays(5) };
            engagement.Milestones.Add(milestone);
            await db.SaveChangesAsync();
            (id, version) = (milestone.Id, milestone.Version);
        }

        using var analyst = await factory.SignInAsync(DemoUsers.Analyst);
        var token = await analyst.AntiforgeryTokenAsync($"/Milestones/{id}");
        var since = await LastAuditIdAsync();

        var response = await analyst.PostAsync($"/Milestones/{id}?handler=Complete", [
            new("__RequestVerificationToken", token),
            new("Version", version.ToString()),
            new("Complete.CompletedOn", Iso(TtaArrange.Today)),
        ]);
        var deniedPage = await analyst.GetAsync(PathOf(response.Headers.Location!));

        Assert.StartsWith("/Account/AccessDenied", PathOf(response.Headers.Location!), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, deniedPage.StatusCode);
        var entry = Assert.Single(await SecurityEventsAfterAsync(since));
        Assert.Equal((SecurityActions.AccessDenied, await UserIdAsync(DemoUsers.Analyst), $"POST /Milestones/{id}"), (entry.Action, entry.UserId, entry.Details));
    }

    [Fact]
    public async Task A_liaison_refused_by_a_policy_leaves_exactly_one_access_denied_event()
    {
        await using var db = factory.CreateDbContext();
        var tampa = await db.Sites.Where(s => s.Name == "Tampa" && s.State == "FL").Select(s => s.Id).SingleAsync();
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        var token = await liaison.AntiforgeryTokenAsync("/Milestones");
        var since = await LastAuditIdAsync();

        var response = await liaison.PostAsync($"/Sites/{tampa}/Team?handler=Add", [new("__RequestVerificationToken", token)]);
        Assert.StartsWith("/Account/AccessDenied", PathOf(response.Headers.Location!), StringComparison.Ordinal);
        await liaison.GetAsync(PathOf(response.Headers.Location!));

        var entry = Assert.Single(await SecurityEventsAfterAsync(since));
        Assert.Equal((SecurityActions.AccessDenied, await UserIdAsync(DemoUsers.Liaison), $"POST /Sites/{tampa}/Team"), (entry.Action, entry.UserId, entry.Details));
    }

    [Fact]
    public async Task A_missing_page_for_an_anonymous_visitor_and_the_error_page_itself_leave_no_event()
    {
        using var visitor = factory.CreatePortalClient();
        var since = await LastAuditIdAsync();

        await visitor.GetAsync("/Error?code=404");
        await visitor.GetAsync("/Account/AccessDenied");

        Assert.Empty(await SecurityEventsAfterAsync(since));
    }
}
