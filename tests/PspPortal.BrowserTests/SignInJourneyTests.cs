using Microsoft.Playwright;
using PspPortal.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests;

public class SignInJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [MemberData(nameof(DemoAccount.Emails), MemberType = typeof(DemoAccount))]
    public async Task Every_demo_account_signs_in_through_the_form_and_sees_its_home(string email)
    {
        var account = DemoAccount.ByEmail(email);

        await SignInAsync(account);

        await Expect(Page.GetByText("An official website of the United States government", new PageGetByTextOptions { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("header.usa-header").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("header.usa-header")).ToContainTextAsync(account.Email);
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveCountAsync(1);
        if (account != DemoAccount.Poc2)
        {
            await Screenshots.SaveAsync(Page, $"home-{account.Role}");
        }
    }

    [Fact]
    public async Task Sign_out_in_the_header_returns_to_sign_in_and_ends_the_session()
    {
        await SignInAsync(DemoAccount.Liaison);

        await SignOutAsync();

        await Expect(Page.GetByText("You have signed out.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" })).ToHaveCountAsync(0);
        await GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(SignInUrl());
    }

    [Fact]
    public async Task Sign_in_page_carries_the_federal_banner_styled_by_the_design_system()
    {
        await GotoAsync("/Account/Login");

        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Sign in to PSP Portal", Level = 1 })).ToBeVisibleAsync();
        var banner = Page.Locator("section.usa-banner");
        await Expect(banner).ToContainTextAsync("An official website of the United States government");
        // The banner is grey and the body font is Source Sans only when the USWDS stylesheet from /lib/uswds loaded.
        await Expect(banner).ToHaveCSSAsync("background-color", "rgb(240, 240, 240)");
        await Expect(Page.Locator("body")).ToHaveCSSAsync("font-family", new System.Text.RegularExpressions.Regex("Source Sans Pro Web"));
        // uswds.min.js ran: it takes away the class that uswds-init.min.js puts on while it loads.
        await Expect(Page.Locator("html")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("usa-js-loading"));
        await Screenshots.SaveAsync(Page, "sign-in");
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_summary_and_stays_accessible()
    {
        await GotoAsync("/Account/Login");

        await Page.GetByLabel("Email", new PageGetByLabelOptions { Exact = true }).FillAsync(DemoAccount.Poc.Email);
        await Page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync("not-the-right-password-at-all");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(Page.Locator("#error-summary")).ToContainTextAsync("not right");
        // The summary takes focus, so that a screen reader announces it and the keyboard starts from it.
        await Expect(Page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(Page.GetByLabel("Email", new PageGetByLabelOptions { Exact = true })).ToHaveValueAsync(DemoAccount.Poc.Email);
        await Page.AssertAccessibleAsync();
    }
}
