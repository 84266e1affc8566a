using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PspPortal.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests;

/// <summary>The three journeys of the people the portal serves, with the keyboard alone: Tab and Shift+Tab, Enter,
/// the arrow keys and typing, never a click or a filled field. Focus must be visible at every stop on the way
/// (<see cref="KeyboardExtensions.TabToAsync"/>), and every page passes axe-core.</summary>
public partial class KeyboardJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{

    [Fact]
    public async Task With_the_keyboard_alone_a_site_contact_submits_a_request_and_the_liaison_approves_it()
    {
        var title = $"Keyboard-only request {Guid.NewGuid():N}";

        await SignInWithKeyboardAsync(DemoAccount.Poc);
        await FollowAsync(NavLink("TTA requests"), "/Tta");
        await FollowAsync(Page.Locator("main").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "New request", Exact = true }), "/Tta/New");

        await Page.TabToAsync(Label("Site"));
        await Expect(Label("Site")).ToHaveValueAsync(new Regex("^\\d+$"));
        await Page.TabToAsync(Label("Core area"));
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Label("Core area")).ToHaveValueAsync(new Regex("^\\d+$"));
        await Page.TabToAsync(Label("Title"));
        await Page.Keyboard.TypeAsync(title);
        await Page.TabToAsync(Label("Description of the need"));
        await Page.Keyboard.TypeAsync("Our new analysts have not been trained in hot-spot analysis.");
        await Page.TabToAsync(Label("Desired outcome"));
        await Page.Keyboard.TypeAsync("Two analysts produce weekly hot-spot maps for patrol.");
        await Page.TabToAsync(Label("Preferred delivery mode"));
        await Page.ChooseWithArrowsAsync(Label("Preferred delivery mode"), "Virtual");
        await Page.TabToAsync(Label("Priority"));
        await Page.ChooseWithArrowsAsync(Label("Priority"), "Expedited");
        await Page.TabToAsync(Label("Needed by"));
        await Page.TypeDateAsync(Today.AddDays(60));
        await Expect(Label("Needed by")).ToHaveValueAsync(Today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.TabToAsync(Button("Submit request"));
        await Page.PressForNewPageAsync();

        await Expect(Page).ToHaveURLAsync(RequestUrl());
        await CheckPageAsync();
        var requestPath = new Uri(Page.Url).AbsolutePath;
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToContainTextAsync(title);
        await Expect(StatusTag()).ToHaveTextAsync("Submitted");
        await SignOutWithKeyboardAsync();

        // The liaison finds it with the list's text filter and decides it.
        await SignInWithKeyboardAsync(DemoAccount.Liaison);
        await FollowAsync(NavLink("TTA requests"), "/Tta");
        await Page.TabToAsync(Label("Text"));
        await Page.Keyboard.TypeAsync(title);
        await Page.PressForNewPageAsync();
        await CheckPageAsync();
        await FollowAsync(RequestLink(title), requestPath);
        await Page.TabToAsync(Button("Start review"));
        await Page.PressForNewPageAsync();
        await Expect(StatusTag()).ToHaveTextAsync("In review");
        await CheckPageAsync();
        await Page.TabToAsync(Label("Note for the site (optional)"));
        await Page.Keyboard.TypeAsync("Approved: a provider will be in touch.");
        await Page.Keyboard.PressAsync("Tab");
        await Button("Approve").AssertFocusVisibleAsync();
        await Page.PressForNewPageAsync();
        await Expect(StatusTag()).ToHaveTextAsync("Approved");
        await CheckPageAsync();
        await Expect(Page.Locator("#history")).ToContainTextAsync("Approved: a provider will be in touch.");
        await SignOutWithKeyboardAsync();

        // The site contact sees it approved.
        await SignInWithKeyboardAsync(DemoAccount.Poc);
        await FollowAsync(NavLink("TTA requests"), "/Tta");
        await Expect(Page.Locator("#requests tbody tr", new PageLocatorOptions { HasText = title })).ToContainTextAsync("Approved");
        await FollowAsync(RequestLink(title), requestPath);
        await Expect(StatusTag()).ToHaveTextAsync("Approved");
    }

    [Fact]
    public async Task With_the_keyboard_alone_a_liaison_marks_an_overdue_milestone_complete()
    {
        // A milestone of its own, overdue from the start, at a site of the liaison that the other journeys leave alone.
        var title = $"Keyboard-only review {Guid.NewGuid():N}";
        const string site = "Seattle, WA";
        await SignInWithKeyboardAsync(DemoAccount.Liaison);
        await FollowAsync(NavLink("Sites"), "/Sites");
        await FollowAsync(Page.Locator("main").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = site, Exact = true }), SiteUrl());
        var sitePath = new Uri(Page.Url).AbsolutePath;
        await FollowAsync(Page.Locator("main").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Add a milestone", Exact = true }), $"{sitePath}/Milestones/New");
        await Page.TabToAsync(Label("Title"));
        await Page.Keyboard.TypeAsync(title);
        await Page.TabToAsync(Label("Due date"));
        await Page.TypeDateAsync(Today.AddDays(-14));
        await Page.TabToAsync(Button("Add milestone"));
        await Page.PressForNewPageAsync();
        await Expect(Page).ToHaveURLAsync(MilestoneUrl());
        await CheckPageAsync();
        var milestonePath = new Uri(Page.Url).AbsolutePath;
        await Expect(Page.Locator("#milestone-status")).ToHaveTextAsync("Overdue");

        // From the site's timeline: the overdue milestone, marked complete.
        await FollowAsync(Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Breadcrumbs" }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { NameRegex = new Regex("^Seattle") }), sitePath);
        var row = Page.Locator("#milestone-table tbody tr", new PageLocatorOptions { HasText = title });
        await Expect(row.Locator("span.psp-overdue")).ToHaveTextAsync("Overdue");
        await FollowAsync(row.GetByRole(AriaRole.Link), milestonePath);
        await Page.TabToAsync(Label("Completed on"));
        await Page.TypeDateAsync(Today.AddDays(-2));
        await Page.TabToAsync(Button("Mark complete"));
        await Page.PressForNewPageAsync();
        await Expect(Page.Locator("#milestone-status")).ToHaveTextAsync("Completed");
        await CheckPageAsync();

        await FollowAsync(Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Breadcrumbs" }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { NameRegex = new Regex("^Seattle") }), sitePath);
        await Expect(row).ToContainTextAsync("Completed");
        await Expect(row.Locator("span.psp-overdue")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task With_the_keyboard_alone_bja_staff_compare_the_sites_of_a_cohort_export_it_and_open_a_site()
    {
        await SignInWithKeyboardAsync(DemoAccount.Bja);
        var overview = Page.Locator("main section", new PageLocatorOptions { Has = Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Cohort overview", Level = 2 }) });
        var homeCohorts = await CohortPages.ReadCohortTableAsync(overview);

        await FollowAsync(NavLink("Cohorts"), "/Cohorts");
        var cohorts = await CohortPages.ReadCohortTableAsync(Page.Locator("main"));
        Assert.Equal(homeCohorts, cohorts);
        var cohort = CohortPages.MostActive(cohorts);
        await FollowAsync(Page.Locator("main").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = cohort.Name, Exact = true }), cohort.Href);
        var sites = await CohortPages.AssertComparisonAsync(Page, cohort);

        await Page.TabToAsync(Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download the sites' progress (CSV)", Exact = true }));
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Keyboard.PressAsync("Enter"));
        await CohortPages.AssertExportAsync(Page, download, cohort, sites);

        // The side-by-side table is a region that takes focus (it scrolls on a narrow screen), then its sites' links.
        await Page.TabToAsync(Page.Locator("[role=region]", new PageLocatorOptions { Has = Page.Locator("#site-table") }));
        await Page.Keyboard.PressAsync("ArrowRight");
        var site = sites.MaxBy(s => s.MilestonesOverdue)!;
        await FollowAsync(Page.Locator("#site-table").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = site.DisplayName, Exact = true }), site.Href);
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync(site.DisplayName);
    }

    private async Task SignInWithKeyboardAsync(DemoAccount account)
    {
        await GotoAsync("/Account/Login");
        await Page.TabToAsync(Label("Email"));
        await Page.Keyboard.TypeAsync(account.Email);
        await Page.Keyboard.PressAsync("Tab");
        await Label("Password").AssertFocusVisibleAsync();
        await Page.Keyboard.TypeAsync(PortalServer.DemoPassword);
        await Page.PressForNewPageAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(Browser.Server.Address, "/").ToString());
        await CheckPageAsync();
    }

    private async Task SignOutWithKeyboardAsync()
    {
        await Page.TabToAsync(Page.Locator("header.usa-header").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Sign out", Exact = true }));
        await Page.PressForNewPageAsync();
        await Expect(Page).ToHaveURLAsync(SignInUrl());
        await CheckPageAsync();
    }

    /// <summary>Tabs to a link, follows it with Enter and checks the page it leads to (at <paramref name="path"/>, perhaps
    /// at a fragment of it).</summary>
    private async Task FollowAsync(ILocator link, string path) => await FollowAsync(link, new Regex($"{Regex.Escape(path)}(#[\\w-]+)?$"));

    private async Task FollowAsync(ILocator link, Regex url)
    {
        await Page.TabToAsync(link);
        await Page.PressForNewPageAsync();
        await Expect(Page).ToHaveURLAsync(url);
        await CheckPageAsync();
    }

    private ILocator NavLink(string name) => Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Primary navigation" }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = name, Exact = true });

    private ILocator RequestLink(string title) => Page.Locator("#requests tbody tr", new PageLocatorOptions { HasText = title }).GetByRole(AriaRole.Link);

    private ILocator Label(string text) => Page.GetByLabel(text, new PageGetByLabelOptions { Exact = true });

    private ILocator Button(string name) => Page.Locator("main").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = name, Exact = true });

    private ILocator StatusTag() => Page.Locator("main h1 + p .usa-tag").First;

    [GeneratedRegex("/Tta/\\d+$")]
    private static partial Regex RequestUrl();

    [GeneratedRegex("/Sites/\\d+$")]
    private static partial Regex SiteUrl();

    [GeneratedRegex("/Milestones/\\d+$")]
    private static partial Regex MilestoneUrl();
}
