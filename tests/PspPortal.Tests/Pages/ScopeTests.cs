using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Pages;

[Collection(PortalTests.Name)]
public class ScopeTests(PortalFactory factory)
{
    private async Task<int> SiteIdAsync(string name, string state)
    {
        await using var db = factory.CreateDbContext();
        return await db.Sites.Where(s => s.Name == name && s.State == state).Select(s => s.Id).SingleAsync();
    }

    private static List<string> SiteNames(IDocument page) =>
        page.QuerySelectorAll("table tbody th[scope=row] a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Poc_sees_exactly_its_one_site()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);

        var page = await client.GetDocumentAsync("/Sites");

        Assert.Equal(["Tampa, FL"], SiteNames(page));
    }

    [Fact]
    public async Task Poc_gets_404_for_the_site_of_poc2()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);
        var pueblo = await SiteIdAsync("Pueblo", "CO");
        var tampa = await SiteIdAsync("Tampa", "FL");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Sites/{pueblo}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Sites/{tampa}")).StatusCode);
    }

    [Fact]
    public async Task A_site_out_of_scope_answers_exactly_like_one_that_does_not_exist()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc2);
        var tampa = await SiteIdAsync("Tampa", "FL");

        var outOfScope = await client.GetAsync($"/Sites/{tampa}");
        var missing = await client.GetAsync("/Sites/999999");

        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var outOfScopePage = await PortalClient.ParseAsync(outOfScope);
        var missingPage = await PortalClient.ParseAsync(missing);
        Assert.Equal(missingPage.QuerySelector("main")!.TextContent, outOfScopePage.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Tampa", outOfScopePage.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liaison_sees_its_sites_and_not_others()
    {
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var page = await client.GetDocumentAsync("/Sites");

        Assert.Equal(["Albuquerque, NM", "Knoxville, TN", "Seattle, WA", "Tampa, FL"], SiteNames(page));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Sites/{await SiteIdAsync("Pueblo", "CO")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Sites/{await SiteIdAsync("Knoxville", "TN")}")).StatusCode);
    }

    [Fact]
    public async Task Liaison_sees_only_the_cohorts_of_its_sites()
    {
        using var client = await factory.SignInAsync(DemoUsers.Liaison);
        await using var db = factory.CreateDbContext();
        var pilot = await db.Cohorts.Where(c => c.Year == 2014).Select(c => c.Id).SingleAsync();

        var page = await client.GetDocumentAsync("/Cohorts");

        Assert.Equal(["2022 sites", "2023 sites", "2024 sites"], SiteNames(page));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Cohorts/{pilot}")).StatusCode);
    }

    [Theory]
    [InlineData(DemoUsers.Bja)]
    [InlineData(DemoUsers.Admin)]
    public async Task Bja_staff_and_the_administrator_see_every_site(string email)
    {
        using var client = await factory.SignInAsync(email);
        await using var db = factory.CreateDbContext();
        var total = await db.Sites.CountAsync();

        var page = await client.GetDocumentAsync("/Sites");

        Assert.Contains($"{total} sites", page.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Sites/{await SiteIdAsync("Pueblo", "CO")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Sites/{await SiteIdAsync("Camden", "NJ")}")).StatusCode);
    }

    [Fact]
    public async Task Sites_filter_by_state_and_cohort_stays_in_scope()
    {
        using var client = await factory.SignInAsync(DemoUsers.Bja);
        await using var db = factory.CreateDbContext();
        var cohort2017 = await db.Cohorts.Where(c => c.Year == 2017).Select(c => c.Id).SingleAsync();

        var ohio2017 = await client.GetDocumentAsync($"/Sites?cohort={cohort2017}&state=OH");

        Assert.Equal(["Cincinnati, OH", "Toledo, OH"], SiteNames(ohio2017));
    }

    [Theory]
    [InlineData("/Sites?pageNumber=-4&status=Nonsense&cohort=abc")]
    [InlineData("/Sites?pageNumber=99999999999")]
    [InlineData("/Sites/abc")]
    [InlineData("/Cohorts/-1")]
    public async Task Hostile_query_strings_never_give_a_server_error(string url)
    {
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var response = await client.GetAsync(url);

        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task The_site_page_shows_team_milestones_and_requests()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);

        var page = await client.GetDocumentAsync($"/Sites/{await SiteIdAsync("Tampa", "FL")}");

        Assert.Equal("Tampa, FL", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("#team ~ div table tbody th"), th => th.TextContent == "Marcus Bell");
        Assert.Contains(page.QuerySelectorAll("table tbody th"), th => th.TextContent == "Kickoff meeting");
        Assert.Contains(page.QuerySelectorAll("table tbody td"), td => td.TextContent.Trim() == "Overdue");
        Assert.Contains(page.QuerySelectorAll("table tbody td"), td => td.TextContent.Trim() == "Completed");
        Assert.NotEmpty(page.QuerySelectorAll("a[href^='/Tta/']"));
    }

    [Fact]
    public async Task The_site_page_leads_back_to_the_cohort_of_its_current_engagement()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);
        var tampa = await SiteIdAsync("Tampa", "FL");
        await using var db = factory.CreateDbContext();
        var cohort = await db.Engagements.Where(e => e.SiteId == tampa).OrderByDescending(e => e.StartDate).Select(e => new { e.CohortId, e.Cohort!.Name }).FirstAsync();

        var page = await client.GetDocumentAsync($"/Sites/{tampa}");

        var link = page.QuerySelector(".usa-intro a")!;
        Assert.Equal($"/Cohorts/{cohort.CohortId}", link.GetAttribute("href"));
        Assert.Equal(cohort.Name, link.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Cohorts/{cohort.CohortId}")).StatusCode);
    }
}
