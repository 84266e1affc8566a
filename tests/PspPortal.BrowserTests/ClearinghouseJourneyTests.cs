using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PspPortal.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests;

/// <summary>The Clearinghouse journey: a site contact searches, builds a toolkit and shares it with the liaison, who
/// sees it; then the map of PSP sites. axe-core checks every page on the way; screenshots at desktop and phone widths.</summary>
public class ClearinghouseJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const int PhoneWidth = 375;

    [Fact]
    public async Task A_site_contact_builds_a_toolkit_and_shares_it_with_the_liaison_who_sees_it()
    {
        var name = $"Shooting review reading {Guid.NewGuid():N}"[..36];
        await SignInAsync(DemoAccount.Poc);

        // Search the Clearinghouse, narrowed by agency size; the search is in the URL.
        await Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Primary navigation" }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Clearinghouse", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/Resources$"));
        await CheckPageAsync();
        await Page.GetByLabel("Search words", new PageGetByLabelOptions { Exact = true }).FillAsync("nonfatal shootings");
        await Page.GetByLabel("Agency size", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("From100To499");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("Q=nonfatal\\+shootings.*Size=From100To499"));
        await CheckPageAsync();
        var first = Page.Locator(".psp-resource-list .usa-collection__heading a").First;
        var title = (await first.TextContentAsync())!.Trim();
        await Screenshot("clearinghouse");

        // The first result, into a new toolkit.
        await first.ClickAsync();
        await CheckPageAsync();
        await Page.GetByLabel("Toolkit", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "A new toolkit" });
        await Page.GetByLabel("Name of a new toolkit").FillAsync(name);
        await Page.GetByLabel("Note (optional)").FillAsync("Bring to the next working group.");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add to toolkit", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(name);
        await CheckPageAsync();

        // The toolkit, shared with the liaison.
        await GotoAsync("/Toolkits");
        await Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = name, Exact = true }).ClickAsync();
        await CheckPageAsync();
        await Expect(Page.Locator(".psp-toolkit h3")).ToHaveTextAsync([title]);
        await Page.GetByLabel("Email of a person").FillAsync(DemoAccount.Liaison.Email);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Share", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("shared with");
        await CheckPageAsync();
        await Screenshot("toolkit");
        var toolkitUrl = Page.Url;
        await SignOutAsync();

        // The liaison finds it among the toolkits shared with them.
        await SignInAsync(DemoAccount.Liaison);
        await GotoAsync("/Toolkits");
        await Page.Locator("#shared").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = name, Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(toolkitUrl);
        await CheckPageAsync();
        await Expect(Page.Locator(".psp-toolkit h3")).ToHaveTextAsync([title]);
        await Expect(Page.Locator(".psp-toolkit__note")).ToContainTextAsync("Bring to the next working group.");
        await Expect(Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Share", Exact = true })).ToHaveCountAsync(0);

        // The map: every site, the liaison's linked.
        await Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Primary navigation" }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Map", Exact = true }).ClickAsync();
        await CheckPageAsync();
        await Expect(Page.Locator("#site-map a")).ToHaveCountAsync(4);
        await Screenshot("map");
    }

    /// <summary>The page at desktop width and at a phone's, each checked with axe-core.</summary>
    private async Task Screenshot(string name)
    {
        await Screenshots.SaveAsync(Page, name);
        await Page.SetViewportSizeAsync(PhoneWidth, 800);
        await CheckPageAsync();
        await Screenshots.SaveAsync(Page, name + "-phone");
        await Page.SetViewportSizeAsync(1280, 800);
    }
}
