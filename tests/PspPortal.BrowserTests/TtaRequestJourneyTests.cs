using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PspPortal.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests;

public partial class TtaRequestJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_site_contact_submits_a_request_the_liaison_approves_it_and_the_site_contact_sees_it_approved()
    {
        var title = $"Crime analysis training {Guid.NewGuid():N}";

        await SignInAsync(DemoAccount.Poc);
        await GotoAsync("/Tta/New");
        await Expect(Label("Site")).ToHaveValueAsync(new Regex("^\\d+$"));
        await Label("Core area").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Label("Title").FillAsync(title);
        await Label("Description of the need").FillAsync("Our new analysts have not been trained in hot-spot analysis.");
        await Label("Desired outcome").FillAsync("Two analysts produce weekly hot-spot maps for patrol.");
        await Label("Preferred delivery mode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Label("Priority").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await Label("Needed by").FillAsync(Today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Button("Submit request").ClickAsync();

        await Expect(Page).ToHaveURLAsync(RequestUrl());
        await CheckPageAsync();
        var requestPath = new Uri(Page.Url).AbsolutePath;
        var heading = Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 });
        await Expect(heading).ToContainTextAsync(title);
        await Expect(heading).ToContainTextAsync(ReferenceNumber());
        await Expect(StatusTag()).ToHaveTextAsync("Submitted");
        await SignOutAsync();

        await SignInAsync(DemoAccount.Liaison);
        await GotoAsync(requestPath);
        await Button("Start review").ClickAsync();
        await Expect(StatusTag()).ToHaveTextAsync("In review");
        await CheckPageAsync();
        await Label("Note for the site (optional)").FillAsync("Approved: a provider will be in touch.");
        await Button("Approve").ClickAsync();
        await Expect(StatusTag()).ToHaveTextAsync("Approved");
        await CheckPageAsync();
        await Expect(Page.Locator("#history")).ToContainTextAsync("Approved: a provider will be in touch.");
        await Screenshots.SaveAsync(Page, "tta-request");
        await SignOutAsync();

        await SignInAsync(DemoAccount.Poc);
        await GotoAsync("/Tta");
        var row = Page.Locator("tr", new PageLocatorOptions { HasText = title });
        await Expect(row).ToContainTextAsync("Approved");
        await GotoAsync(requestPath);
        await Expect(StatusTag()).ToHaveTextAsync("Approved");
    }

    [Fact]
    public async Task The_liaison_sees_the_list_of_requests_of_their_sites()
    {
        await SignInAsync(DemoAccount.Liaison);

        await GotoAsync("/Tta");

        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveCountAsync(1);
        await Expect(Page.Locator("main table tbody tr").First).ToContainTextAsync(ReferenceNumber());
        await Screenshots.SaveAsync(Page, "tta-list");
    }

    private ILocator Label(string text) => Page.GetByLabel(text, new PageGetByLabelOptions { Exact = true });

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    private ILocator StatusTag() => Page.Locator("main h1 + p .usa-tag").First;

    [GeneratedRegex("/Tta/\\d+$")]
    private static partial Regex RequestUrl();

    [GeneratedRegex("TTA-\\d{4}-\\d{5}")]
    private static partial Regex ReferenceNumber();
}
