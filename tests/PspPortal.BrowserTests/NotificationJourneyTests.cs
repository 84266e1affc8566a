using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PspPortal.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests;

public partial class NotificationJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_liaison_asks_a_site_contact_for_information_who_sees_the_count_opens_the_notification_and_responds()
    {
        var title = $"Victim services training {Guid.NewGuid():N}";
        await SignInAsync(DemoAccount.Poc);
        await GotoAsync("/Tta/New");
        await Label("Core area").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Label("Title").FillAsync(title);
        await Label("Description of the need").FillAsync("Advocates need training in trauma-informed interviews.");
        await Label("Desired outcome").FillAsync("Every advocate trained by the spring.");
        await Label("Preferred delivery mode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Label("Priority").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await Label("Needed by").FillAsync(Today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Button("Submit request").ClickAsync();
        await Expect(Page).ToHaveURLAsync(RequestUrl());
        var requestPath = new Uri(Page.Url).AbsolutePath;
        await SignOutAsync();

        await SignInAsync(DemoAccount.Liaison);
        await GotoAsync(requestPath);
        await Button("Start review").ClickAsync();
        await Label("Question for the site").FillAsync("How many advocates would attend?");
        await Button("Ask for information").ClickAsync();
        await Expect(Page.Locator("#history")).ToContainTextAsync("How many advocates would attend?");
        await SignOutAsync();

        await SignInAsync(DemoAccount.Poc);
        var count = Page.Locator("a.psp-notifications-link");
        await Expect(count).ToHaveAccessibleNameAsync(UnreadName());
        var before = UnreadOf(await count.Locator(".usa-sr-only").TextContentAsync());
        Assert.True(before >= 1);
        await count.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/Notifications$"));
        await CheckPageAsync();
        await Screenshots.SaveAsync(Page, "notifications");
        var item = Page.Locator("main li", new PageLocatorOptions { HasText = title });
        await item.GetByRole(AriaRole.Button).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape(requestPath) + "$"));
        await Expect(count).ToHaveAccessibleNameAsync($"Notifications, {before - 1} unread");
        await Label("Response").FillAsync("Twelve advocates.");
        await Button("Respond").ClickAsync();
        await Expect(Page.Locator("#history")).ToContainTextAsync("Twelve advocates.");
    }

    private static int UnreadOf(string? name) => int.Parse(UnreadName().Match(name ?? string.Empty).Groups[1].Value, CultureInfo.InvariantCulture);

    private ILocator Label(string text) => Page.GetByLabel(text, new PageGetByLabelOptions { Exact = true });

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    [GeneratedRegex("^Notifications, (\\d+) unread$")]
    private static partial Regex UnreadName();

    [GeneratedRegex("/Tta/\\d+$")]
    private static partial Regex RequestUrl();
}
