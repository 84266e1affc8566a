using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Pages;

[Collection(PortalTests.Name)]
public class GrantPageTests(PortalFactory factory)
{
    private static DateOnly Today => TtaArrange.Today;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<int> SiteIdAsync(string name)
    {
        await using var db = factory.CreateDbContext();
        return await db.Sites.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    private static Dictionary<string, string> Award(int siteId, string number, DateOnly awardedOn) => new()
    {
        ["Input.SiteId"] = siteId.ToString(CultureInfo.InvariantCulture),
        ["Input.FiscalYear"] = awardedOn.Year.ToString(CultureInfo.InvariantCulture),
        ["Input.Solicitation"] = "National Public Safety Partnership—Capacity Building Grant Limited Competition",
        ["Input.AwardNumber"] = number,
        ["Input.Amount"] = "250000",
        ["Input.AwardedOn"] = Iso(awardedOn),
        ["Input.PeriodStart"] = Iso(awardedOn.AddDays(3)),
        ["Input.PeriodEnd"] = Iso(awardedOn.AddYears(3)),
    };

    [Fact]
    public async Task Bja_staff_enter_an_award_to_an_eligible_site_and_link_a_strategy_it_funds()
    {
        var miami = await SiteIdAsync("Miami");
        using var client = await factory.SignInAsync(DemoUsers.Bja);
        var number = $"15PBJA-26-GK-{Random.Shared.Next(10_000, 99_999)}-PSPX";

        var entered = await client.SubmitFormAsync("/Grants/New", "main form", Award(miami, number, Today));

        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        var url = entered.Headers.Location!.OriginalString;
        var page = await client.GetDocumentAsync(url);
        Assert.Contains($"Award {number} to Miami, FL is entered.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var strategy = page.QuerySelector("#fund-form select option[value]:not([value=''])")!.GetAttribute("value")!;

        var funded = await client.SubmitFormAsync(url, "#fund-form", new Dictionary<string, string> { ["StrategyId"] = strategy });

        Assert.Equal(HttpStatusCode.Redirect, funded.StatusCode);
        await using var db = factory.CreateDbContext();
        var grant = await db.CapacityGrants.Include(g => g.FundedStrategies).SingleAsync(g => g.AwardNumber == number);
        Assert.Equal((250_000m, GrantStatus.Awarded), (grant.Amount, grant.Status));
        Assert.Equal([int.Parse(strategy, CultureInfo.InvariantCulture)], grant.FundedStrategies.Select(f => f.StrategyId));
    }

    [Fact]
    public async Task An_award_to_a_site_with_less_than_two_years_is_refused_next_to_the_site()
    {
        var tampa = await SiteIdAsync("Tampa");
        DateOnly start;
        await using (var db = factory.CreateDbContext())
        {
            start = await db.Engagements.Where(e => e.SiteId == tampa).MaxAsync(e => e.StartDate);
        }

        using var client = await factory.SignInAsync(DemoUsers.Bja);
        var number = $"15PBJA-26-GK-{Random.Shared.Next(10_000, 99_999)}-PSPY";
        // The day before its second anniversary.
        var response = await client.SubmitFormAsync("/Grants/New", "main form", Award(tampa, number, start.AddYears(2).AddDays(-1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal(
            $"Tampa, FL is not eligible: capacity-building grants go to sites that have completed at least two years of their engagement, and its engagement started on {DateRange.Words(start)}, so it is eligible from {DateRange.Words(start.AddYears(2))}.",
            page.QuerySelector("#Input_SiteId-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#Input_SiteId")!.GetAttribute("aria-invalid"));
        await using var check = factory.CreateDbContext();
        Assert.False(await check.CapacityGrants.AnyAsync(g => g.AwardNumber == number));
    }

    [Fact]
    public async Task An_award_without_its_fields_is_refused_with_a_message_by_each()
    {
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var response = await client.SubmitFormAsync("/Grants/New", "main form", new Dictionary<string, string> { ["Input.Amount"] = "-5", ["Input.Solicitation"] = "" });

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Choose the site the award went to.", page.QuerySelector("#Input_SiteId-error")!.TextContent);
        Assert.Equal("The amount must be more than $0.", page.QuerySelector("#Input_Amount-error")!.TextContent);
        Assert.Equal("Enter the award number.", page.QuerySelector("#Input_AwardNumber-error")!.TextContent);
    }

    [Theory]
    [InlineData(DemoUsers.Admin)]
    [InlineData(DemoUsers.Liaison)]
    [InlineData(DemoUsers.Champion)]
    [InlineData(DemoUsers.Poc)]
    public async Task Only_bja_staff_enter_awards_or_change_them(string user)
    {
        var miami = await SiteIdAsync("Miami");
        using var client = await factory.SignInAsync(user);
        var number = $"15PBJA-26-GK-{Random.Shared.Next(10_000, 99_999)}-PSPZ";
        var token = await client.AntiforgeryTokenAsync("/Grants");

        var get = await client.GetAsync("/Grants/New");
        var post = await client.PostAsync("/Grants/New", [new("__RequestVerificationToken", token), .. Award(miami, number, Today)]);

        Assert.Contains("/Account/AccessDenied", get.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/Account/AccessDenied", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Null((await client.GetDocumentAsync("/Grants")).QuerySelector("a[href='/Grants/New']"));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.CapacityGrants.AnyAsync(g => g.AwardNumber == number));
    }

    [Fact]
    public async Task A_stale_status_change_is_refused_with_409()
    {
        await using var db = factory.CreateDbContext();
        var grant = await db.CapacityGrants.Where(g => g.Site!.Name == "Wichita").Select(g => new { g.Id, g.Version }).SingleAsync();
        using var client = await factory.SignInAsync(DemoUsers.Bja);
        var token = await client.AntiforgeryTokenAsync("/Grants");
        List<KeyValuePair<string, string>> Form(string status) => [new("__RequestVerificationToken", token), new("Version", grant.Version.ToString()), new("Status", status)];

        var first = await client.PostAsync($"/Grants/{grant.Id}?handler=Status", Form("Closed"));
        var second = await client.PostAsync($"/Grants/{grant.Id}?handler=Status", Form("Active"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("it is now Closed", (await PortalClient.ParseAsync(second)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bja_staff_see_the_fy_2023_total_of_four_million_dollars_by_cohort()
    {
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var page = await client.GetDocumentAsync("/Grants?year=2023");

        var total = page.QuerySelector("#grant-totals tr[data-year-total='2023']")!;
        Assert.Contains("$4,000,000", total.TextContent, StringComparison.Ordinal);
        Assert.Contains(">9<", total.InnerHtml.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var cohortRows = page.QuerySelectorAll("#grant-totals tbody tr:not([data-year-total])").Select(r => r.TextContent).ToList();
        Assert.Contains(cohortRows, r => r.Contains("2018 sites", StringComparison.Ordinal) && r.Contains("$500,000", StringComparison.Ordinal));
        Assert.Contains(cohortRows, r => r.Contains("2019 sites", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grants_follow_scope_a_site_contact_sees_none_of_another_site_and_an_award_out_of_scope_is_404()
    {
        await using var db = factory.CreateDbContext();
        var tulsa = await db.CapacityGrants.Where(g => g.Site!.Name == "Tulsa").Select(g => g.Id).SingleAsync();
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var list = await client.GetDocumentAsync("/Grants");
        var csv = await (await client.GetAsync("/Grants/Export")).Content.ReadAsStringAsync();

        Assert.Empty(list.QuerySelectorAll("#grants tbody tr"));
        Assert.Single(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Grants/{tulsa}")).StatusCode);
    }

    [Fact]
    public async Task Grants_export_as_csv_with_the_strategies_they_fund()
    {
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var response = await client.GetAsync("/Grants/Export?year=2023");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("AwardNumber,Site,Cohort,FiscalYear,Solicitation,Amount", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("\"Tulsa, OK\",2018 sites,2023,", StringComparison.Ordinal) && l.Contains(",500000", StringComparison.Ordinal) && l.TrimEnd().EndsWith(",1.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cohort_outside_the_user_s_scope_in_the_grants_filter_answers_404_on_the_list_and_the_export()
    {
        int outside;
        int inside;
        await using (var db = factory.CreateDbContext())
        {
            var liaisonSites = db.SiteTeamMembers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.Liaison)).Select(m => m.SiteId);
            outside = await db.Cohorts.Where(c => !c.Engagements.Any(e => liaisonSites.Contains(e.SiteId))).Select(c => c.Id).FirstAsync();
            inside = await db.Cohorts.Where(c => c.Engagements.Any(e => liaisonSites.Contains(e.SiteId))).Select(c => c.Id).FirstAsync();
        }

        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);

        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Grants?cohort={outside}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Grants/Export?cohort={outside}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync($"/Grants?cohort={inside}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync($"/Grants/Export?cohort={inside}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync("/Grants?cohort=0")).StatusCode);
    }
}
