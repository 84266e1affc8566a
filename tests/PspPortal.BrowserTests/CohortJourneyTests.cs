using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PspPortal.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests;

/// <summary>The journey of BJA staff: how is every cohort doing, how do the sites of one compare, how is one site
/// doing, and the cohort's figures as a file for a report.</summary>
public partial class CohortJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Bja_staff_compare_the_sites_of_a_cohort_open_one_and_export_the_cohort()
    {
        await SignInAsync(DemoAccount.Bja);

        // Home: the cohort overview, a chart and the table of the same figures.
        var overview = Page.Locator("main section", new PageLocatorOptions { Has = Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Cohort overview", Level = 2 }) });
        await Expect(overview.Locator("svg#cohort-chart")).ToBeVisibleAsync();
        var homeCohorts = await CohortPages.ReadCohortTableAsync(overview);
        Assert.True(homeCohorts.Count >= 2, $"The overview shows {homeCohorts.Count} cohorts");
        await Expect(overview.Locator("svg#cohort-chart g.psp-chart__row")).ToHaveCountAsync(homeCohorts.Count);

        // Cohorts: the same cohorts with the same figures.
        await Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Primary navigation" }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Cohorts", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/Cohorts$"));
        await CheckPageAsync();
        var cohorts = await CohortPages.ReadCohortTableAsync(Page.Locator("main"));
        Assert.Equal(homeCohorts, cohorts);

        // One cohort: its sites side by side.
        var cohort = CohortPages.MostActive(cohorts);
        await Page.Locator("main").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = cohort.Name, Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"{Regex.Escape(cohort.Href)}$"));
        await CheckPageAsync();
        var sites = await CohortPages.AssertComparisonAsync(Page, cohort);

        // One site of it.
        var site = sites.MaxBy(s => s.MilestonesOverdue)!;
        await Page.Locator("#site-table").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = site.DisplayName, Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/Sites/{site.Id}$"));
        await CheckPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync(site.DisplayName);
        await Expect(Page.Locator("#milestone-table tbody tr").First).ToBeVisibleAsync();

        // Back to the cohort, and its figures as a file.
        await Page.GoBackAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"{Regex.Escape(cohort.Href)}$"));
        await CheckPageAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download the sites' progress (CSV)", Exact = true }).ClickAsync());
        await CohortPages.AssertExportAsync(Page, download, cohort, sites);
    }
}
