using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Api;

/// <summary>The authorization matrix of the API: a token sees exactly its user's scope, the pages' scope. For each demo
/// role, every list equals a hand count of the database in that scope, and a single item in scope answers while one out
/// of scope is 404, like a missing one.</summary>
[Collection(ApiTests.Name)]
public class ApiScopeTests(ApiFactory factory)
{
    /// <summary>Every id of a list, read page after page by its cursors.</summary>
    public static async Task<List<int>> ReadAllAsync(HttpClient client, string url, int limit = 200)
    {
        var ids = new List<int>();
        string? cursor = null;
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        do
        {
            var page = $"{url}{separator}limit={limit}" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
            var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            cursor = json.RootElement.GetProperty("next").GetString();
        }
        while (cursor is not null);
        return ids;
    }

    private sealed record Expected(List<int> Sites, List<int> Cohorts, List<int> Requests, List<int> Milestones);

    /// <summary>The database counted by hand: the user's sites are every site for administrators and BJA staff,
    /// otherwise the sites whose team they are on.</summary>
    private async Task<Expected> InScopeAsync(string email)
    {
        using var db = factory.CreateDbContext();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        var all = roles.Contains(Roles.Administrator) || roles.Contains(Roles.BjaStaff);
        var teamSites = await db.SiteTeamMembers.Where(m => m.UserId == userId).Select(m => m.SiteId).Distinct().ToListAsync();
        var sites = await db.Sites.Where(s => all || teamSites.Contains(s.Id)).Select(s => s.Id).OrderBy(i => i).ToListAsync();
        var cohorts = await db.Engagements.Where(e => sites.Contains(e.SiteId)).Select(e => e.CohortId).Distinct().OrderBy(i => i).ToListAsync();
        var requests = await db.TtaRequests.Where(r => sites.Contains(r.SiteId)).Select(r => r.Id).OrderBy(i => i).ToListAsync();
        var milestones = await db.Milestones.Where(m => sites.Contains(m.Engagement!.SiteId)).Select(m => m.Id).OrderBy(i => i).ToListAsync();
        return new Expected(sites, cohorts, requests, milestones);
    }

    [Fact]
    public async Task A_site_s_open_requests_equal_a_hand_count_and_move_with_a_new_request()
    {
        using var client = factory.ApiClient(await factory.TokenForAsync(DemoUsers.Bja));
        int siteId;
        using (var db = factory.CreateDbContext())
        {
            siteId = await db.Sites.Where(s => s.Name == "Tampa").Select(s => s.Id).SingleAsync();
        }

        async Task<int> FromApiAsync()
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/sites/{siteId}", UriKind.Relative)));
            return json.RootElement.GetProperty("openRequests").GetInt32();
        }

        async Task<int> ByHandAsync()
        {
            using var db = factory.CreateDbContext();
            TtaStatus[] closed = [TtaStatus.Delivered, TtaStatus.Closed, TtaStatus.Declined, TtaStatus.Withdrawn];
            return (await db.TtaRequests.Where(r => r.SiteId == siteId).Select(r => r.Status).ToListAsync()).Count(s => !closed.Contains(s));
        }

        Assert.Equal(await ByHandAsync(), await FromApiAsync());
        await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Submitted);
        var after = await ByHandAsync();
        Assert.Equal(after, await FromApiAsync());
    }

    [Theory]
    [MemberData(nameof(DemoUsers.All), MemberType = typeof(DemoUsers))]
    public async Task Each_list_holds_exactly_the_rows_of_the_users_scope(string email)
    {
        var expected = await InScopeAsync(email);
        using var client = factory.ApiClient(await factory.TokenForAsync(email));

        Assert.Equal(expected.Sites, await ReadAllAsync(client, "/api/v1/sites"));
        Assert.Equal(expected.Cohorts, await ReadAllAsync(client, "/api/v1/cohorts"));
        Assert.Equal(expected.Requests, await ReadAllAsync(client, "/api/v1/requests"));
        Assert.Equal(expected.Milestones, await ReadAllAsync(client, "/api/v1/milestones"));
    }

    [Theory]
    [MemberData(nameof(DemoUsers.All), MemberType = typeof(DemoUsers))]
    public async Task Each_single_item_answers_in_scope_and_is_404_out_of_scope(string email)
    {
        var expected = await InScopeAsync(email);
        int tampa, pueblo, tampaRequest, puebloRequest, missingSite;
        List<int> allCohorts;
        using (var db = factory.CreateDbContext())
        {
            tampa = await db.Sites.Where(s => s.Name == "Tampa").Select(s => s.Id).SingleAsync();
            pueblo = await db.Sites.Where(s => s.Name == "Pueblo").Select(s => s.Id).SingleAsync();
            tampaRequest = await db.TtaRequests.Where(r => r.SiteId == tampa).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            puebloRequest = await db.TtaRequests.Where(r => r.SiteId == pueblo).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            missingSite = await db.Sites.MaxAsync(s => s.Id) + 1000;
            allCohorts = await db.Cohorts.Select(c => c.Id).ToListAsync();
        }

        using var client = factory.ApiClient(await factory.TokenForAsync(email));
        var failures = new List<string>();
        async Task Expect(string url, bool inScope)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var want = inScope ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            if (response.StatusCode != want)
            {
                failures.Add($"{email} GET {url}: expected {(int)want}, got {(int)response.StatusCode}");
            }
            else if (!inScope)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        foreach (var (site, request) in new[] { (tampa, tampaRequest), (pueblo, puebloRequest) })
        {
            var inScope = expected.Sites.Contains(site);
            await Expect($"/api/v1/sites/{site}", inScope);
            await Expect($"/api/v1/sites/{site}/plan", inScope);
            await Expect($"/api/v1/requests/{request}", inScope);
            await Expect($"/api/v1/requests?site={site}", inScope);
            await Expect($"/api/v1/milestones?site={site}", inScope);
        }

        await Expect($"/api/v1/sites/{missingSite}", false);
        foreach (var cohort in allCohorts)
        {
            await Expect($"/api/v1/cohorts/{cohort}", expected.Cohorts.Contains(cohort));
            await Expect($"/api/v1/requests?cohort={cohort}", expected.Cohorts.Contains(cohort));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_filtered_list_is_the_pages_filter_on_the_scope()
    {
        using var client = factory.ApiClient(await factory.TokenForAsync(DemoUsers.Liaison));
        var expected = await InScopeAsync(DemoUsers.Liaison);
        List<int> submitted;
        using (var db = factory.CreateDbContext())
        {
            submitted = await db.TtaRequests.Where(r => expected.Requests.Contains(r.Id) && r.Status == TtaStatus.Submitted).Select(r => r.Id).OrderBy(i => i).ToListAsync();
        }

        Assert.Equal(submitted, await ReadAllAsync(client, "/api/v1/requests?status=Submitted"));
        var plan = await client.GetStringAsync(new Uri($"/api/v1/sites/{expected.Sites[0]}/plan", UriKind.Relative));
        using var json = JsonDocument.Parse(plan);
        Assert.Equal(expected.Sites[0], json.RootElement.GetProperty("siteId").GetInt32());
        Assert.True(json.RootElement.GetProperty("engagements").GetArrayLength() > 0);
    }
}
