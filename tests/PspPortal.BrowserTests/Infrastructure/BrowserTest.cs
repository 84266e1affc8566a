using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PspPortal.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests.Infrastructure;

/// <summary>A test in real Chromium against the running portal. Each test has its own browser context and page.
/// Every page it opens through <see cref="GotoAsync"/> or <see cref="SignInAsync"/> is checked with axe-core, and the
/// test fails on any failed request to the portal (a missing stylesheet, a 404 or 500) or any console error.</summary>
[Collection(BrowserTests.Name)]
public abstract partial class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    private PageProblems? _problems;
    private IBrowserContext? _context;
    private IPage? _page;

    protected BrowserFixture Browser { get; } = browser;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is not open yet.");

    public async Task InitializeAsync()
    {
        _context = await Browser.NewContextAsync();
        _page = await _context.NewPageAsync();
        _problems = new PageProblems(_page, Browser.Server.Address);
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        AssertNoProblems();
    }

    /// <summary>Opens a page of the portal, waits for it to load, checks that it loaded cleanly and passes axe-core.</summary>
    protected async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load })
            ?? throw new InvalidOperationException($"No response for {path}");
        Assert.True(response.Ok, $"GET {path} answered {response.Status}");
        await CheckPageAsync();
        return response;
    }

    /// <summary>Signs in through the real sign-in form, as a person does, and lands on the home page.</summary>
    protected async Task SignInAsync(DemoAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        await GotoAsync("/Account/Login");
        await Page.GetByLabel("Email", new PageGetByLabelOptions { Exact = true }).FillAsync(account.Email);
        await Page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(PortalServer.DemoPassword);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(Browser.Server.Address, "/").ToString());
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await CheckPageAsync();
    }

    /// <summary>Signs out with the header's button and lands on the sign-in page.</summary>
    protected async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(SignInUrl());
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await CheckPageAsync();
    }

    protected static Regex SignInUrl() => SignInUrlPattern();

    /// <summary>The program's day (ServiceClock, America/New_York), the portal's "today": never the UTC day, which the
    /// portal refuses as tomorrow every evening in Washington.</summary>
    protected static DateOnly Today => ServiceClock.Default.Today(TimeProvider.System);

    /// <summary>Fails with everything that went wrong in the browser so far.</summary>
    protected void AssertNoProblems() => _problems?.AssertNone();

    protected async Task CheckPageAsync()
    {
        AssertNoProblems();
        await Page.AssertAccessibleAsync();
    }

    [GeneratedRegex("/Account/Login(\\?|$)")]
    private static partial Regex SignInUrlPattern();
}
