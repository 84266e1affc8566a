using Microsoft.Playwright;
using PspPortal.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests;

public class KeyboardTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(bool signedIn)
    {
        if (signedIn)
        {
            await SignInAsync(DemoAccount.Liaison);
        }
        else
        {
            await GotoAsync("/Account/Login");
        }

        await Page.Keyboard.PressAsync("Tab");

        var skipLink = Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Skip to main content" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("main#main-content")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_sign_in_form_works_with_the_keyboard_alone()
    {
        await GotoAsync("/Account/Login");

        await Page.GetByLabel("Email", new PageGetByLabelOptions { Exact = true }).FocusAsync();
        await Page.Keyboard.TypeAsync(DemoAccount.Analyst.Email);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(PortalServer.DemoPassword);
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync();
    }
}
