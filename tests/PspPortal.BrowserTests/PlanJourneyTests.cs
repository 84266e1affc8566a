using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PspPortal.BrowserTests.Infrastructure;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests;

/// <summary>The engagement's plan at work (issue 12): a liaison adds a strategy, links a TTA request to it, the request
/// is delivered and the plan's implementation figures change; once with the mouse, once with the keyboard alone. Each
/// run uses a request of its own, scheduled and not yet linked, at a site of the liaison that the other journeys leave
/// alone (Knoxville, Albuquerque).</summary>
public partial class PlanJourneyTests(BrowserFixture browser) : BrowserTest(browser)
{

    [Fact]
    public async Task A_liaison_adds_a_strategy_links_a_request_records_its_delivery_and_the_figures_change()
    {
        var request = await ScheduledRequestAsync("Knoxville");
        var strategy = $"Train supervisors in early intervention follow-up {Guid.NewGuid():N}"[..70];

        await SignInAsync(DemoAccount.Liaison);
        var planPath = await PlanPathAsync("Knoxville, TN");
        var before = await FiguresAsync();

        await Label("Goal it serves").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.Locator("#Strategy_Title").FillAsync(strategy);
        await Page.Locator("#strategy-form").GetByLabel("Core area", new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Constitutional Policing" });
        await Button("Add strategy").ClickAsync();
        await Expect(Page.Locator("[role=status]")).ToContainTextAsync(new Regex("Strategy \\d+\\.\\d+ is added\\."));
        await CheckPageAsync();
        var code = CodeOf(await Page.Locator("[role=status]").InnerTextAsync());
        Assert.Equal((before.Implemented, before.Strategies + 1), (await FiguresAsync()).Strategy);

        await Page.Locator("#link-form").GetByLabel("TTA request", new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{request.Reference} {request.Title} (Scheduled)" });
        await Page.Locator("#link-form").GetByLabel("Strategy it serves", new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{code} {strategy}" });
        await Button("Link request").ClickAsync();
        await Expect(Page.Locator("[role=status]")).ToHaveTextAsync($"{request.Reference} now serves strategy {code}.");
        await CheckPageAsync();
        var linked = await FiguresAsync();
        Assert.Equal((before.Delivered, before.Requests + 1), linked.Request);
        await Expect(StrategyRow(code).Locator("[data-figure=delivered]")).ToHaveTextAsync("0 of 1");

        // The request is delivered, from its page.
        await Page.Locator($"[data-strategy='{code}']").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = request.Reference, Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/Tta/{request.Id}$"));
        await CheckPageAsync();
        await Expect(Page.Locator("#served-strategy")).ToContainTextAsync($"Strategy {code}");
        await Label("Date delivered").FillAsync(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Label("What was delivered").FillAsync("Two-day supervisor workshop on acting on early intervention flags.");
        await Button("Record delivery").ClickAsync();
        await Expect(Page.Locator("main h1 + p .usa-tag").First).ToHaveTextAsync("Delivered");

        await GotoAsync(planPath);
        Assert.Equal((before.Delivered + 1, before.Requests + 1), (await FiguresAsync()).Request);
        await Expect(StrategyRow(code).Locator("[data-figure=delivered]")).ToHaveTextAsync("1 of 1");

        // The strategy is put in place: the plan's implementation rises.
        await Page.Locator($"article[data-strategy='{code}'] summary").ClickAsync();
        await Page.Locator($"article[data-strategy='{code}']").GetByLabel("Status", new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Implemented" });
        await Button($"Save strategy {code}").ClickAsync();
        await Expect(Page.Locator("[role=status]")).ToHaveTextAsync($"Strategy {code} is saved.");
        await CheckPageAsync();
        Assert.Equal((before.Implemented + 1, before.Strategies + 1), (await FiguresAsync()).Strategy);
    }

    [Fact]
    public async Task With_the_keyboard_alone_a_liaison_adds_a_strategy_links_a_request_records_its_delivery_and_the_figures_change()
    {
        var request = await ScheduledRequestAsync("Albuquerque");
        var strategy = $"Keyboard strategy {Guid.NewGuid():N}";

        await SignInAsync(DemoAccount.Liaison);
        var planPath = await PlanPathAsync("Albuquerque, NM");
        var before = await FiguresAsync();

        // The forms are at the end of the page: from the top, Shift+Tab reaches them soonest.
        await Page.TabToAsync(Label("Goal it serves"), backwards: true);
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.TabToAsync(Page.Locator("#Strategy_Title"));
        await Page.Keyboard.TypeAsync(strategy);
        await Page.TabToAsync(Page.Locator("#Strategy_CoreAreaId"));
        await Page.ChooseWithArrowsAsync(Page.Locator("#Strategy_CoreAreaId"), "Crime Analysis");
        await Page.TabToAsync(Button("Add strategy"));
        await Page.PressForNewPageAsync();
        await Expect(Page.Locator("[role=status]")).ToContainTextAsync(new Regex("Strategy \\d+\\.\\d+ is added\\."));
        await CheckPageAsync();
        var code = CodeOf(await Page.Locator("[role=status]").InnerTextAsync());

        await Page.TabToAsync(Page.Locator("#Link_RequestId"), backwards: true);
        await Page.ChooseWithArrowsAsync(Page.Locator("#Link_RequestId"), $"{request.Reference} {request.Title} (Scheduled)");
        await Page.TabToAsync(Page.Locator("#Link_StrategyId"));
        await Page.ChooseWithArrowsAsync(Page.Locator("#Link_StrategyId"), $"{code} {strategy}");
        await Page.TabToAsync(Button("Link request"));
        await Page.PressForNewPageAsync();
        await Expect(Page.Locator("[role=status]")).ToHaveTextAsync($"{request.Reference} now serves strategy {code}.");
        await CheckPageAsync();
        Assert.Equal((before.Delivered, before.Requests + 1), (await FiguresAsync()).Request);

        await Page.TabToAsync(Page.Locator($"[data-strategy='{code}']").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = request.Reference, Exact = true }));
        await Page.PressForNewPageAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/Tta/{request.Id}$"));
        await CheckPageAsync();
        await Page.TabToAsync(Label("Date delivered"));
        await Page.TypeDateAsync(Today);
        await Page.TabToAsync(Label("What was delivered"));
        await Page.Keyboard.TypeAsync("Hot-spot analysis training for two analysts.");
        await Page.TabToAsync(Button("Record delivery"));
        await Page.PressForNewPageAsync();
        await Expect(Page.Locator("main h1 + p .usa-tag").First).ToHaveTextAsync("Delivered");
        await CheckPageAsync();

        await Page.TabToAsync(Page.Locator("#served-strategy a"));
        await Page.PressForNewPageAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"{Regex.Escape(planPath)}#plan$"));
        await CheckPageAsync();
        Assert.Equal((before.Delivered + 1, before.Requests + 1), (await FiguresAsync()).Request);
        await Expect(StrategyRow(code).Locator("[data-figure=delivered]")).ToHaveTextAsync("1 of 1");
    }

    [Fact]
    public async Task Screenshots_of_a_sites_plan_and_of_grants()
    {
        await SignInAsync(DemoAccount.Poc);
        await PlanPathAsync("Tampa, FL");
        await Expect(Page.Locator("svg#plan-figure")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(Page, "site-plan");
        await SignOutAsync();

        await SignInAsync(DemoAccount.Bja);
        await GotoAsync("/Grants?year=2023");
        await Expect(Page.Locator("#grant-totals")).ToContainTextAsync("$4,000,000");
        await Screenshots.SaveAsync(Page, "grants");
    }

    private sealed record Arranged(int Id, string Reference, string Title);

    private sealed record Figures((int Implemented, int Strategies) Strategy, (int Delivered, int Requests) Request)
    {
        public int Implemented => Strategy.Implemented;
        public int Strategies => Strategy.Strategies;
        public int Delivered => Request.Delivered;
        public int Requests => Request.Requests;
    }

    /// <summary>A request of its own at the site, scheduled and serving no strategy yet.</summary>
    private async Task<Arranged> ScheduledRequestAsync(string siteName)
    {
        using var scope = Browser.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var site = await db.Sites.SingleAsync(s => s.Name == siteName);
        var area = await db.CoreAreas.OrderBy(c => c.SortOrder).FirstAsync();
        var start = DateTime.UtcNow.AddDays(-10);
        var request = new TtaRequest
        {
            ReferenceNumber = $"TTA-2099-{Random.Shared.Next(10_000, 99_999):D5}",
            SiteId = site.Id,
            CoreAreaId = area.Id,
            Title = $"Plan journey request {Guid.NewGuid():N}"[..40],
            Description = "Supervisors do not act on early intervention flags.",
            DesiredOutcome = "Supervisors follow up every flag within a week.",
            DeliveryMode = DeliveryMode.Training,
            NeededBy = Today.AddDays(60),
            RequesterName = "Journey requester",
            CreatedAt = start,
            UpdatedAt = start,
        };
        var actor = new Actor(null, "Journey");
        foreach (var action in new[] { TtaAction.Submit, TtaAction.StartReview, TtaAction.Approve })
        {
            request.Apply(action, actor, start, null);
        }

        request.AssignedProvider = "National Policing Institute";
        request.ScheduledFor = Today;
        request.Apply(TtaAction.Schedule, actor, start, null);
        db.TtaRequests.Add(request);
        await db.SaveChangesAsync();
        return new Arranged(request.Id, request.ReferenceNumber, request.Title);
    }

    /// <summary>From /Sites to the site, then its "Assessment and plan".</summary>
    private async Task<string> PlanPathAsync(string site)
    {
        await GotoAsync("/Sites");
        await Page.Locator("main").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = site, Exact = true }).ClickAsync();
        await Page.Locator("main").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Assessment and plan", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/Sites/\\d+/Plan$"));
        await CheckPageAsync();
        return new Uri(Page.Url).AbsolutePath;
    }

    private async Task<Figures> FiguresAsync()
    {
        static (int, int) Parse(string text)
        {
            var match = OfPattern().Match(text);
            Assert.True(match.Success, $"The figure reads '{text}'");
            return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        return new Figures(Parse(await Page.Locator("#plan-implemented-count").InnerTextAsync()), Parse(await Page.Locator("#plan-delivered-count").InnerTextAsync()));
    }

    private static string CodeOf(string status) => CodePattern().Match(status).Groups[1].Value;

    private ILocator StrategyRow(string code) => Page.Locator($"#strategy-figures tr[data-strategy='{code}']");

    private ILocator Label(string text) => Page.GetByLabel(text, new PageGetByLabelOptions { Exact = true });

    private ILocator Button(string name) => Page.Locator("main").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = name, Exact = true });

    [GeneratedRegex("^(\\d+) of (\\d+)$")]
    private static partial Regex OfPattern();

    [GeneratedRegex("Strategy (\\d+\\.\\d+)")]
    private static partial Regex CodePattern();
}
