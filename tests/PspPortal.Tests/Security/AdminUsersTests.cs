using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Security;

[Collection(PortalTests.Name)]
public class AdminUsersTests(PortalFactory factory)
{
    private const string NewPassword = "a long new password for tests";

    private static async Task<(string UserId, string Link)> CreateUserAsync(PortalClient admin, string email, string role = Roles.SiteContact)
    {
        var response = await admin.SubmitFormAsync("/Admin/Users/New", "main form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "New Person " + email[..8],
            ["Input.Email"] = email,
            ["Input.Role"] = role,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var link = page.QuerySelector<IHtmlInputElement>("#set-password-link")?.Value
            ?? throw new InvalidOperationException("No set-password link on the page.");
        var goTo = page.QuerySelector("a[href^='/Admin/Users/']:not([href='/Admin/Users/New'])")!.GetAttribute("href")!;
        return (Uri.UnescapeDataString(goTo["/Admin/Users/".Length..]), link);
    }

    private static async Task<HttpResponseMessage> SetPasswordAsync(PortalClient client, string link) =>
        await client.SubmitFormAsync(new Uri(link).PathAndQuery, "main form", new Dictionary<string, string>
        {
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

    [Fact]
    public async Task A_created_user_sets_a_password_with_the_link_once_and_signs_in()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);
        var email = $"{Guid.NewGuid():N}@psp.example";
        var (_, link) = await CreateUserAsync(admin, email);
        Assert.StartsWith("http://localhost/Account/SetPassword?userId=", link, StringComparison.Ordinal);
        Assert.Contains("&code=", link, StringComparison.Ordinal);

        using var person = factory.CreatePortalClient();
        var form = await person.GetDocumentAsync(new Uri(link).PathAndQuery);
        Assert.Equal("New password", form.QuerySelector("label[for='Input_NewPassword']")!.TextContent);
        Assert.Equal("Confirm new password", form.QuerySelector("label[for='Input_ConfirmPassword']")!.TextContent);
        var first = await PortalClient.ParseAsync(await SetPasswordAsync(person, link));
        Assert.Contains("Your password is set", first.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var again = await person.GetDocumentAsync(new Uri(link).PathAndQuery);
        Assert.Contains("already been used", again.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        var secondPost = await PortalClient.ParseAsync(await SetPasswordAsync(person, link));
        Assert.Contains("already been used", secondPost.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);

        using var signedIn = await factory.SignInAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_forged_or_garbled_set_password_link_is_refused_without_an_error_page()
    {
        using var client = factory.CreatePortalClient();

        foreach (var url in new[] { "/Account/SetPassword", "/Account/SetPassword?userId=nobody&code=abc", "/Account/SetPassword?userId=x&code=%%%", "/Account/SetPassword?code=" + new string('A', 5000) })
        {
            var page = await client.GetDocumentAsync(url);
            Assert.Contains("already been used or has expired", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Admin_changes_the_role_of_an_account()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);
        var (userId, _) = await CreateUserAsync(admin, $"{Guid.NewGuid():N}@psp.example");

        var response = await admin.SubmitFormAsync($"/Admin/Users/{userId}", "#role-form", new Dictionary<string, string> { ["NewRole"] = Roles.Liaison });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var db = factory.CreateDbContext();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).ToListAsync();
        Assert.Equal([Roles.Liaison], roles);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == SecurityActions.RoleAdded && a.UserName == DemoUsers.Admin));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "IdentityUserRole" && a.Action == "Deleted" && a.EntityId!.StartsWith(userId)));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_until_it_is_enabled_again()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);
        var email = $"{Guid.NewGuid():N}@psp.example";
        var (userId, link) = await CreateUserAsync(admin, email);
        using (var person = factory.CreatePortalClient())
        {
            await SetPasswordAsync(person, link);
        }

        var disable = await admin.SubmitFormAsync($"/Admin/Users/{userId}", "#disable-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        using var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(email, NewPassword)).StatusCode);
        using (var db = factory.CreateDbContext())
        {
            Assert.True((await db.Users.SingleAsync(u => u.Id == userId)).IsDisabled);
        }

        var enable = await admin.SubmitFormAsync($"/Admin/Users/{userId}", "#enable-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Admin_adds_and_removes_a_site_team_place_which_changes_scope()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);
        var (userId, _) = await CreateUserAsync(admin, $"{Guid.NewGuid():N}@psp.example", Roles.Analyst);
        int siteId;
        using (var db = factory.CreateDbContext())
        {
            siteId = await db.Sites.Where(s => s.Name == "Knoxville").Select(s => s.Id).SingleAsync();
        }

        var add = await admin.SubmitFormAsync($"/Admin/Users/{userId}", "#add-place-form", new Dictionary<string, string>
        {
            ["Place.SiteId"] = siteId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Place.TeamRole"] = nameof(SiteTeamRole.PspAnalyst),
        });
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);

        var page = await admin.GetDocumentAsync($"/Admin/Users/{userId}");
        var remove = page.QuerySelector<IHtmlInputElement>("input[name=PlaceId]")!.Value;
        using (var db = factory.CreateDbContext())
        {
            Assert.Equal(siteId, (await db.SiteTeamMembers.SingleAsync(m => m.UserId == userId)).SiteId);
        }

        var response = await admin.SubmitFormAsync($"/Admin/Users/{userId}", "form:has(input[name=PlaceId])", new Dictionary<string, string> { ["PlaceId"] = remove });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var check = factory.CreateDbContext();
        Assert.False(await check.SiteTeamMembers.AnyAsync(m => m.UserId == userId));
    }

    [Fact]
    public async Task An_invalid_new_user_form_keeps_what_was_typed_and_names_each_problem()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);

        var response = await admin.SubmitFormAsync("/Admin/Users/New", "main form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Someone",
            ["Input.Email"] = DemoUsers.Poc,
            ["Input.Role"] = "Superuser",
        });

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Choose a role.", page.QuerySelector("#Input_Role-error")!.TextContent);
        Assert.Equal("Someone", page.QuerySelector<IHtmlInputElement>("#Input_FullName")!.Value);
        var duplicate = await admin.SubmitFormAsync("/Admin/Users/New", "main form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Someone",
            ["Input.Email"] = DemoUsers.Poc,
            ["Input.Role"] = Roles.Analyst,
        });
        Assert.Contains("already an account", (await PortalClient.ParseAsync(duplicate)).QuerySelector("#Input_Email-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_list_filters_by_text_role_and_status()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);

        var page = await admin.GetDocumentAsync("/Admin/Users?q=liaison%40psp&role=Liaison&status=active");

        var rows = page.QuerySelectorAll("table.usa-table tbody tr");
        Assert.Single(rows);
        Assert.Contains(DemoUsers.Liaison, rows[0].TextContent, StringComparison.Ordinal);
        var none = await admin.GetDocumentAsync("/Admin/Users?q=liaison%40psp&role=SiteContact");
        Assert.Empty(none.QuerySelectorAll("table.usa-table tbody tr"));
    }

    [Fact]
    public async Task Bja_staff_manage_site_teams_but_not_user_accounts()
    {
        using var bja = await factory.SignInAsync(DemoUsers.Bja);
        string userId;
        int siteId;
        using (var db = factory.CreateDbContext())
        {
            userId = (await db.Users.SingleAsync(u => u.Email == DemoUsers.Poc2)).Id;
            siteId = await db.Sites.Where(s => s.Name == "Minneapolis").Select(s => s.Id).SingleAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await bja.GetAsync("/Admin/Users")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await bja.GetAsync($"/Admin/Users/{userId}")).StatusCode);

        var add = await bja.SubmitFormAsync($"/Sites/{siteId}/Team", "#add-member-form", new Dictionary<string, string>
        {
            ["Input.UserId"] = userId,
            ["Input.TeamRole"] = nameof(SiteTeamRole.ExecutiveLeadership),
        });
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        using var check = factory.CreateDbContext();
        var member = await check.SiteTeamMembers.SingleAsync(m => m.SiteId == siteId && m.UserId == userId);
        var memberId = member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "SiteTeamMember" && a.EntityId == memberId && a.UserName == DemoUsers.Bja));

        var page = await bja.GetDocumentAsync($"/Sites/{siteId}/Team");
        var remove = await bja.PostAsync($"/Sites/{siteId}/Team?handler=Remove", [
            new("__RequestVerificationToken", page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value),
            new("MemberId", member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        using var after = factory.CreateDbContext();
        Assert.False(await after.SiteTeamMembers.AnyAsync(m => m.Id == member.Id));
    }

    [Fact]
    public async Task A_team_place_form_keeps_the_side_its_page_names_whatever_the_post_says()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);
        var (userId, _) = await CreateUserAsync(admin, $"{Guid.NewGuid():N}@psp.example", Roles.Analyst);
        var (otherId, _) = await CreateUserAsync(admin, $"{Guid.NewGuid():N}@psp.example", Roles.Analyst);
        int siteId, otherSiteId;
        using (var db = factory.CreateDbContext())
        {
            siteId = await db.Sites.Where(s => s.Name == "Knoxville").Select(s => s.Id).SingleAsync();
            otherSiteId = await db.Sites.Where(s => s.Name == "Minneapolis").Select(s => s.Id).SingleAsync();
        }

        static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // From the account's page, a forged account id in the post does not move the place to another account.
        var fromAccount = await admin.SubmitFormAsync($"/Admin/Users/{userId}", "#add-place-form", new Dictionary<string, string>
        {
            ["Place.SiteId"] = Text(siteId),
            ["Place.UserId"] = otherId,
            ["Place.TeamRole"] = nameof(SiteTeamRole.PspAnalyst),
        });
        Assert.Equal(HttpStatusCode.Redirect, fromAccount.StatusCode);

        // From the site's page, a forged site id does not move the place to another site.
        var fromSite = await admin.SubmitFormAsync($"/Sites/{siteId}/Team", "#add-member-form", new Dictionary<string, string>
        {
            ["Input.SiteId"] = Text(otherSiteId),
            ["Input.UserId"] = otherId,
            ["Input.TeamRole"] = nameof(SiteTeamRole.PspAnalyst),
        });
        Assert.Equal(HttpStatusCode.Redirect, fromSite.StatusCode);

        // Missing choices are named next to their fields, and nothing is added.
        var missing = await PortalClient.ParseAsync(await admin.SubmitFormAsync($"/Sites/{siteId}/Team", "#add-member-form", new Dictionary<string, string>()));
        Assert.Equal("Choose an account.", missing.QuerySelector("#Input_UserId-error")!.TextContent.Trim());
        Assert.Equal("Choose a team role.", missing.QuerySelector("#Input_TeamRole-error")!.TextContent.Trim());

        using var check = factory.CreateDbContext();
        Assert.Equal(siteId, (await check.SiteTeamMembers.SingleAsync(m => m.UserId == userId)).SiteId);
        Assert.Equal(siteId, (await check.SiteTeamMembers.SingleAsync(m => m.UserId == otherId)).SiteId);
        Assert.False(await check.SiteTeamMembers.AnyAsync(m => m.SiteId == otherSiteId && (m.UserId == userId || m.UserId == otherId)));
    }

    [Fact]
    public async Task A_disabled_account_gets_no_new_team_place_from_either_page()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);
        var (userId, _) = await CreateUserAsync(admin, $"{Guid.NewGuid():N}@psp.example", Roles.Analyst);
        int siteId;
        using (var db = factory.CreateDbContext())
        {
            siteId = await db.Sites.Where(s => s.Name == "Knoxville").Select(s => s.Id).SingleAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Admin/Users/{userId}", "#disable-form", new Dictionary<string, string>())).StatusCode);

        var fromAccount = await PortalClient.ParseAsync(await admin.SubmitFormAsync($"/Admin/Users/{userId}", "#add-place-form", new Dictionary<string, string>
        {
            ["Place.SiteId"] = siteId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Place.TeamRole"] = nameof(SiteTeamRole.PspAnalyst),
        }));
        Assert.Contains("enable it first", fromAccount.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        var fromSite = await PortalClient.ParseAsync(await admin.SubmitFormAsync($"/Sites/{siteId}/Team", "#add-member-form", new Dictionary<string, string>
        {
            ["Input.UserId"] = userId,
            ["Input.TeamRole"] = nameof(SiteTeamRole.PspAnalyst),
        }));
        Assert.Equal("Choose an account.", fromSite.QuerySelector("#Input_UserId-error")!.TextContent.Trim());

        using var check = factory.CreateDbContext();
        Assert.False(await check.SiteTeamMembers.AnyAsync(m => m.UserId == userId));
    }

    [Fact]
    public async Task Administrator_home_lists_accounts_that_need_attention()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);
        var email = $"{Guid.NewGuid():N}@psp.example";
        await CreateUserAsync(admin, email, Roles.Liaison);

        var home = await admin.GetDocumentAsync("/");

        var section = home.QuerySelector("section[aria-labelledby=attention-heading]")!;
        Assert.Contains(email, section.QuerySelector("ul[aria-labelledby=attention-never]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(email, section.QuerySelector("ul[aria-labelledby=attention-no-team]")!.TextContent, StringComparison.Ordinal);
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        Assert.Null((await liaison.GetDocumentAsync("/")).QuerySelector("section[aria-labelledby=attention-heading]"));
    }
}
