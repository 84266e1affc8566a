using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PspPortal.BrowserTests.Infrastructure;

namespace PspPortal.BrowserTests;

/// <summary>At a phone's width, 320 CSS pixels (the width of WCAG 2.1's reflow criterion, 1.4.10), the main pages need
/// no sideways scrolling, neither of the page nor of a table (tables stack into one block per row), and still pass
/// axe-core. Printed, a request and a site show the record without navigation, buttons or forms, every table whole;
/// a word too long for a line wraps instead of widening either.</summary>
public partial class NarrowScreenTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const int PhoneWidth = 320;

    /// <summary>About the printable width of a Letter or A4 page at 96 CSS pixels an inch.</summary>
    private const int PaperWidth = 700;

    private async Task AssertNothingScrollsSidewaysAsync(string what)
    {
        var page = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(page[0] <= page[1], $"{what} scrolls sideways at {page[1]} px: it is {page[0]} px wide");
        var tables = await Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.psp-table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1)"
            + ".map(w => `${w.getAttribute('aria-labelledby')} (${w.scrollWidth} px in ${w.clientWidth} px)`)");
        Assert.True(tables.Length == 0, $"{what}: tables scroll sideways: {string.Join(", ", tables)}");
    }

    /// <summary>Each table shows one row at a time: every cell is as wide as the table, not squeezed into a column.</summary>
    private async Task AssertTablesStackedAsync(string what)
    {
        var squeezed = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main table')].flatMap(table => {
                const width = table.getBoundingClientRect().width;
                return [...table.querySelectorAll('tbody td, tbody th')]
                    .filter(cell => cell.getBoundingClientRect().width < width * 0.9).slice(0, 1)
                    .map(cell => `"${table.caption?.textContent.trim()}": a cell is ${Math.round(cell.getBoundingClientRect().width)} px of ${Math.round(width)} px`);
            })
            """);
        Assert.True(squeezed.Length == 0, $"{what}: tables are squeezed into columns: {string.Join("; ", squeezed)}");
    }

    private async Task OpenAsync(string path)
    {
        await GotoAsync(path);
        await AssertNothingScrollsSidewaysAsync(path);
        await AssertTablesStackedAsync(path);
    }

    /// <summary>The first link on the page whose address matches <paramref name="pattern"/>.</summary>
    private async Task<string> FirstLinkAsync(Regex pattern)
    {
        var hrefs = await Page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        return hrefs.FirstOrDefault(pattern.IsMatch) ?? throw new InvalidOperationException($"No link like {pattern} on {Page.Url}");
    }

    /// <summary>The first request on the request list that is open which has a history (is no longer a draft).</summary>
    private async Task<string> RequestWithHistoryAsync() =>
        await Page.Locator("#requests tbody tr").Filter(new LocatorFilterOptions { HasNotText = "Draft" }).First
            .Locator("a[href^='/Tta/']").GetAttributeAsync("href")
        ?? throw new InvalidOperationException($"No request with a history on {Page.Url}");

    /// <summary>The link to Tampa, FL on the sites list that is open.</summary>
    private async Task<string> TampaLinkAsync()
    {
        return await Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Tampa, FL", Exact = true }).GetAttributeAsync("href")
            ?? throw new InvalidOperationException("No link to Tampa, FL on /Sites");
    }

    [Fact]
    public async Task A_liaison_s_pages_need_no_sideways_scrolling_at_320_px_and_pass_axe()
    {
        await Page.SetViewportSizeAsync(PhoneWidth, 720);
        await SignInAsync(DemoAccount.Liaison);
        await AssertNothingScrollsSidewaysAsync("/ of a liaison");
        await AssertTablesStackedAsync("/ of a liaison");

        await OpenAsync("/Tta");
        await OpenAsync(await RequestWithHistoryAsync());
        await OpenAsync("/Sites");
        await OpenAsync(await TampaLinkAsync());
        await OpenAsync("/Cohorts");
        await OpenAsync(await FirstLinkAsync(CohortLink()));
        await OpenAsync("/Milestones");
    }

    [Fact]
    public async Task Bja_staff_s_cohort_overview_and_the_audit_trail_need_no_sideways_scrolling_at_320_px_and_pass_axe()
    {
        await Page.SetViewportSizeAsync(PhoneWidth, 720);
        await SignInAsync(DemoAccount.Bja);
        await AssertNothingScrollsSidewaysAsync("/ of BJA staff");
        await AssertTablesStackedAsync("/ of BJA staff");

        await OpenAsync("/Admin/Audit");
    }

    [Fact]
    public async Task An_administrator_s_and_a_site_contact_s_pages_need_no_sideways_scrolling_at_320_px_and_pass_axe()
    {
        await Page.SetViewportSizeAsync(PhoneWidth, 720);
        await SignInAsync(DemoAccount.Admin);
        await AssertNothingScrollsSidewaysAsync("/ of an administrator");
        await AssertTablesStackedAsync("/ of an administrator");
        await OpenAsync("/Admin/Users");
        // At this width the header's navigation, and the sign-out button in it, sit behind the Menu button.
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Menu", Exact = true }).ClickAsync();
        await SignOutAsync();

        await SignInAsync(DemoAccount.Poc);
        await AssertNothingScrollsSidewaysAsync("/ of a site contact");
        await AssertTablesStackedAsync("/ of a site contact");
    }

    /// <summary>A new request of Tampa, FL whose title holds a word too long for any line, as a pasted code or address
    /// would; the browser is left on its page.</summary>
    private async Task<string> SubmitRequestWithALongWordAsync()
    {
        ILocator Field(string label) => Page.GetByLabel(label, new PageGetByLabelOptions { Exact = true });
        await GotoAsync("/Tta/New");
        await Field("Core area").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Field("Title").FillAsync($"Records system export {Guid.NewGuid():N}{Guid.NewGuid():N}");
        await Field("Description of the need").FillAsync("The vendor's export file cannot be read by our analysts' tools.");
        await Field("Desired outcome").FillAsync("A weekly export our analysts can open.");
        await Field("Preferred delivery mode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Field("Priority").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await Field("Needed by").FillAsync(Today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Submit request", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(RequestUrl());
        return new Uri(Page.Url).AbsolutePath;
    }

    [Fact]
    public async Task A_request_and_its_site_with_a_64_character_word_need_no_sideways_scrolling_on_a_phone_nor_on_paper_and_print_without_navigation_buttons_or_forms()
    {
        await Page.SetViewportSizeAsync(PhoneWidth, 720);
        await SignInAsync(DemoAccount.Poc);
        var request = await SubmitRequestWithALongWordAsync();
        await OpenAsync(request);
        await GotoAsync("/Sites");
        var site = await TampaLinkAsync();
        await OpenAsync(site);

        await Page.SetViewportSizeAsync(PaperWidth, 1000);
        foreach (var path in new[] { request, site })
        {
            await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
            await GotoAsync(path);
            var onScreen = await ShownAsync("form, .usa-button, button");
            Assert.True(onScreen.Length > 0, $"{path} has no form or button on screen, so printing it proves nothing");

            await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

            var printed = await ShownAsync(".usa-banner, .usa-nav, .usa-menu-btn, .usa-breadcrumb, form, .usa-button, button");
            Assert.True(printed.Length == 0, $"{path} prints {string.Join(", ", printed)}");
            Assert.True(await Page.Locator("main h1").IsVisibleAsync(), $"{path} prints no heading");
            Assert.True(await Page.Locator("main table").CountAsync() > 0, $"{path} prints no table");
            await AssertNothingScrollsSidewaysAsync($"{path} in print");
        }
    }

    /// <summary>Elements matching <paramref name="selector"/> that take up room on the page as it is rendered now.</summary>
    private Task<string[]> ShownAsync(string selector) => Page.EvaluateAsync<string[]>(
        "selector => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length > 0)"
        + ".map(e => `<${e.localName} class=\"${e.className}\">`)",
        selector);

    [GeneratedRegex("^/Cohorts/\\d+$")]
    private static partial Regex CohortLink();

    [GeneratedRegex("/Tta/\\d+$")]
    private static partial Regex RequestUrl();
}
