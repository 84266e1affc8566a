using Microsoft.Playwright;
using PspPortal.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests;

/// <summary>The pages that the outside security review touched, as their users see them.</summary>
public class SecurityPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_audit_trail_with_a_long_history_passes_axe_and_its_table_is_reached_with_the_keyboard()
    {
        await SignInAsync(DemoAccount.Admin);

        // The demo seed alone writes thousands of audit rows, so the first page is full and its table scrolls.
        await GotoAsync("/Admin/Audit");

        var rows = Page.Locator("main table tbody tr");
        await Expect(rows).ToHaveCountAsync(50);
        var region = Page.Locator("main [role=region]").Filter(new LocatorFilterOptions { Has = Page.Locator("table") });
        await Expect(region).ToHaveCountAsync(1);
        await Expect(region).ToHaveAttributeAsync("tabindex", "0");
        await region.FocusAsync();
        await Expect(region).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_account_page_with_its_password_and_two_factor_forms_passes_axe()
    {
        await SignInAsync(DemoAccount.Analyst);

        await GotoAsync("/Account/Manage");

        await Expect(Page.GetByLabel("Current password", new PageGetByLabelOptions { Exact = true })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Change password", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#error-summary")).ToBeVisibleAsync();
        await CheckPageAsync();
    }
}
