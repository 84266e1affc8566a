using System.Net;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Pages;

/// <summary>A list filtered by a site or cohort the user cannot see answers 404, exactly as the site or cohort itself
/// does (ADR 0004), on every list that has such a filter; the same filter within scope lists as usual.</summary>
[Collection(PortalTests.Name)]
public class ScopeFilterTests(PortalFactory factory)
{
    public static TheoryData<string> FilteredLists =>
    [
        "/Milestones?site={site}",
        "/Milestones?cohort={cohort}",
        "/Milestones?site={site}&cohort={cohort}&show=Overdue",
        "/Sites?cohort={cohort}",
        "/Sites?cohort={cohort}&state=TN",
        "/Tta?Site={site}",
        "/Tta?Cohort={cohort}",
        "/Tta/Export?Site={site}",
        "/Tta/Export?Cohort={cohort}",
    ];

    private async Task<(int Site, int Cohort)> IdsAsync(string site, string state, int cohortYear)
    {
        await using var db = factory.CreateDbContext();
        return (
            await db.Sites.Where(s => s.Name == site && s.State == state).Select(s => s.Id).SingleAsync(),
            await db.Cohorts.Where(c => c.Year == cohortYear).Select(c => c.Id).SingleAsync());
    }

    private static string Fill(string template, (int Site, int Cohort) ids) =>
        template.Replace("{site}", ids.Site.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{cohort}", ids.Cohort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(FilteredLists))]
    public async Task A_filter_naming_a_site_or_cohort_out_of_scope_answers_404_and_one_in_scope_lists(string template)
    {
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        // Pueblo, CO and the 2014 pilot cohort are outside the liaison's sites; Knoxville, TN (2023) is one of them.
        var outside = await IdsAsync("Pueblo", "CO", 2014);
        var inside = await IdsAsync("Knoxville", "TN", 2023);

        var refused = await liaison.GetAsync(Fill(template, outside));
        var listed = await liaison.GetAsync(Fill(template, inside));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(FilteredLists))]
    public async Task A_filter_naming_a_site_or_cohort_that_does_not_exist_answers_the_same_404_even_for_bja_staff(string template)
    {
        using var bja = await factory.SignInAsync(DemoUsers.Bja);

        var response = await bja.GetAsync(Fill(template, (999_999, 999_999)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_out_of_scope_filter_page_is_the_same_page_as_a_missing_site()
    {
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        var outside = await IdsAsync("Pueblo", "CO", 2014);

        var filtered = await PortalClient.ParseAsync(await liaison.GetAsync($"/Milestones?site={outside.Site}"));
        var missing = await PortalClient.ParseAsync(await liaison.GetAsync("/Sites/999999"));

        Assert.Equal(missing.QuerySelector("main")!.TextContent, filtered.QuerySelector("main")!.TextContent);
    }
}
