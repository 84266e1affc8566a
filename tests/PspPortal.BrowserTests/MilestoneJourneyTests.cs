using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PspPortal.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests;

public partial class MilestoneJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_liaison_marks_an_overdue_milestone_complete_and_the_site_progress_rises()
    {
        await SignInAsync(DemoAccount.Liaison);
        await GotoAsync("/Milestones");
        await Expect(Page.Locator("#overdue-count")).Not.ToHaveTextAsync("0");
        await Expect(Page.Locator("main").GetByText(new Regex("^Overdue by \\d+ days$")).First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(Page, "milestones");

        var sitePath = await TampaPathAsync();
        await GotoAsync(sitePath);
        var progressBefore = await ProgressAsync();
        var overdueRow = Page.Locator("#milestone-table tbody tr", new PageLocatorOptions { Has = Page.Locator("span.psp-overdue") }).First;
        var milestoneId = await overdueRow.GetAttributeAsync("data-milestone-id");
        Assert.False(string.IsNullOrEmpty(milestoneId), "No overdue milestone at Tampa");
        await overdueRow.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { NameRegex = new Regex("^Change") }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex($"/Milestones/{milestoneId}$"));
        await CheckPageAsync();
        await Expect(Page.Locator("#milestone-status")).ToHaveTextAsync("Overdue");
        var completedOn = Page.GetByLabel("Completed on", new PageGetByLabelOptions { Exact = true });
        if (string.IsNullOrEmpty(await completedOn.InputValueAsync()))
        {
            await completedOn.FillAsync(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Mark complete", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#milestone-status")).ToHaveTextAsync("Completed");
        await CheckPageAsync();

        await GotoAsync(sitePath);
        Assert.True(await ProgressAsync() > progressBefore, $"Progress did not rise from {progressBefore}%");
        var row = Page.Locator($"#milestone-table tbody tr[data-milestone-id='{milestoneId}']");
        await Expect(row).Not.ToContainTextAsync("Overdue");
        await Expect(row.Locator("span.psp-overdue")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Screenshots_of_the_site_timeline_and_the_2024_cohort()
    {
        await SignInAsync(DemoAccount.Liaison);
        await GotoAsync(await TampaPathAsync());
        await Expect(Page.Locator("#timeline-figure svg")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(Page, "site-timeline");
        await SignOutAsync();

        await SignInAsync(DemoAccount.Bja);
        await GotoAsync("/Cohorts");
        var cohort = await Page.Locator("main").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "2024 sites", Exact = true }).First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(cohort), "No link to the 2024 cohort on /Cohorts");
        await GotoAsync(cohort);
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToContainTextAsync("2024");
        await Screenshots.SaveAsync(Page, "cohort");
    }

    private async Task<string> TampaPathAsync()
    {
        await GotoAsync("/Sites");
        var href = await Page.Locator("main").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { NameRegex = new Regex("^Tampa") }).First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(href), "No link to Tampa on /Sites");
        return href;
    }

    private async Task<int> ProgressAsync()
    {
        var text = await Page.Locator(".psp-stat__value").First.InnerTextAsync();
        var match = Percent().Match(text);
        Assert.True(match.Success, $"The progress figure is '{text}'");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("(\\d+)%")]
    private static partial Regex Percent();
}
