using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Security;

/// <summary>A change to what an account may do reaches its open sessions on their very next request. A portal of its
/// own, since these tests demote demo accounts.</summary>
public class RoleChangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<HttpResponseMessage> ChangeRoleAsync(PortalClient admin, string userId, string role) =>
        await admin.SubmitFormAsync($"/Admin/Users/{userId}", "#role-form", new Dictionary<string, string> { ["NewRole"] = role });

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_liaison_changed_to_analyst_is_signed_out_at_once_and_cannot_approve_from_a_page_opened_before()
    {
        var arranged = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.InReview);
        string liaisonId;
        await using (var db = factory.CreateDbContext())
        {
            liaisonId = await db.Users.Where(u => u.Email == DemoUsers.Liaison).Select(u => u.Id).SingleAsync();
        }

        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        var page = await liaison.GetDocumentAsync($"/Tta/{arranged.Id}");
        var approve = page.QuerySelector<IHtmlFormElement>("form#action-Approve")!;
        var fields = approve.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();

        using var admin = await factory.SignInAsync(DemoUsers.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeRoleAsync(admin, liaisonId, Roles.Analyst)).StatusCode);

        AssertSentToSignIn(await liaison.PostAsync(approve.GetAttribute("action")!, fields));
        var unchanged = await TtaArrange.ReloadAsync(factory, arranged.Id);
        Assert.Equal((TtaStatus.InReview, arranged.Version), (unchanged.Status, unchanged.Version));
        AssertSentToSignIn(await liaison.GetAsync("/"));
    }

    [Fact]
    public async Task An_administrator_changing_their_own_role_keeps_this_session_and_ends_their_others()
    {
        var (id, email) = await Accounts.CreateAsync(factory, Roles.Administrator);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(id))!, Roles.BjaStaff)).Succeeded);
        }

        using var here = await factory.SignInAsync(email, Accounts.Password);
        using var elsewhere = await factory.SignInAsync(email, Accounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeRoleAsync(here, id, Roles.Administrator)).StatusCode);

        AssertSentToSignIn(await elsewhere.GetAsync("/"));
        var account = await here.GetDocumentAsync($"/Admin/Users/{id}");
        Assert.Contains("your other sessions have been signed out", account.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.UserSessions.CountAsync(s => s.UserId == id));
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync();
        Assert.Equal([Roles.Administrator], roles);
    }

    /// <summary>Not a regression test: team places need no session to end, because SiteScope reads them from the
    /// database on every request; this shows it.</summary>
    [Fact]
    public async Task A_removed_team_place_applies_to_the_person_s_very_next_request()
    {
        var (id, email) = await Accounts.CreateAsync(factory, Roles.Liaison);
        int siteId;
        int placeId;
        await using (var db = factory.CreateDbContext())
        {
            siteId = await db.Sites.Where(s => s.Name == "Knoxville").Select(s => s.Id).SingleAsync();
            var place = new SiteTeamMember { SiteId = siteId, UserId = id, FullName = "Test Person", Email = email, TeamRole = SiteTeamRole.StrategicSiteLiaison };
            db.SiteTeamMembers.Add(place);
            await db.SaveChangesAsync();
            placeId = place.Id;
        }

        using var person = await factory.SignInAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/Sites/{siteId}")).StatusCode);

        using var bja = await factory.SignInAsync(DemoUsers.Bja);
        var removed = await bja.SubmitFormAsync($"/Sites/{siteId}/Team", $"form:has(input[name=MemberId][value='{placeId.ToString(CultureInfo.InvariantCulture)}'])", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/Sites/{siteId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/")).StatusCode);
    }
}
