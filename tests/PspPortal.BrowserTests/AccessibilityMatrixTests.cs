using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using PspPortal.BrowserTests.Infrastructure;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests;

/// <summary>axe-core on every page of the portal for everyone who may see it: an anonymous visitor, each demo account,
/// and an account half-way through a two-factor sign-in. The pages are the app's own routes, read from its endpoints;
/// THE TABLE below says, for each route, which address each visitor opens (ids of the first records in their scope) and
/// what the product says they get. A route without a row fails, so a new page forces a decision; a page a visitor may
/// not see is skipped only where the table says so, and then its answer (sign in, access denied, 404) is checked
/// instead. Pages with a form are also checked once with the errors of an empty submit showing.</summary>
public class AccessibilityMatrixTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser)
{
    /// <summary>What a visitor gets at an address.</summary>
    public enum Answer
    {
        /// <summary>200 and a page: checked with axe-core.</summary>
        Page,

        /// <summary>A page with the error status of the visit (the 404 and 403 pages): checked with axe-core.</summary>
        ErrorPage,

        /// <summary>200 and a CSV file to download.</summary>
        File,

        /// <summary>Sent to sign in (not signed in): skipped.</summary>
        SignIn,

        /// <summary>Sent to "access denied": the product gives the page to other roles. Skipped.</summary>
        Denied,

        /// <summary>Sent home (a signed-in user on the sign-in page): skipped.</summary>
        Home,
    }

    private const string Anonymous = "anonymous";
    private const string TwoFactor = "two-factor";

    private static readonly DemoAccount Admin = DemoAccount.Admin;
    private static readonly DemoAccount Bja = DemoAccount.Bja;
    private static readonly DemoAccount Liaison = DemoAccount.Liaison;
    private static readonly DemoAccount Poc = DemoAccount.Poc;
    private static readonly DemoAccount Poc2 = DemoAccount.Poc2;

    /// <summary>Endpoints that are not pages, each with the reason; a new one fails until it is named here or given a row.</summary>
    private static readonly Dictionary<string, string> NotPages = new(StringComparer.Ordinal)
    {
        ["healthz"] = "the health check answers plain text to monitors",
        ["healthz/ready"] = "readiness answers plain text to load balancers",
        ["healthz/live"] = "liveness answers plain text to process monitors",
        ["Calendar/{token}.ics"] = "the calendar feed answers iCalendar to calendar apps",
        ["openapi/v1.json"] = "the OpenAPI document answers JSON to tools; /Api is its page for people",
        ["api/v1/sites"] = "the read-only API answers JSON to scripts with a token",
        ["api/v1/sites/{id:int}"] = "the read-only API answers JSON to scripts with a token",
        ["api/v1/sites/{id:int}/plan"] = "the read-only API answers JSON to scripts with a token",
        ["api/v1/cohorts"] = "the read-only API answers JSON to scripts with a token",
        ["api/v1/cohorts/{id:int}"] = "the read-only API answers JSON to scripts with a token",
        ["api/v1/requests"] = "the read-only API answers JSON to scripts with a token",
        ["api/v1/requests/{id:int}"] = "the read-only API answers JSON to scripts with a token",
        ["api/v1/milestones"] = "the read-only API answers JSON to scripts with a token",
    };

    /// <summary>Everyone who opens the pages: xunit names a test case after each.</summary>
    public static TheoryData<string> Visitors => [Anonymous, .. DemoAccount.All.Select(account => account.Email), TwoFactor];

    /// <summary>One address to open, what the visitor gets there, what to check on the page and how to make it show
    /// its form's errors.</summary>
    private sealed record Visit(string Url, Answer Answer, int Status = 200, Func<IPage, Task>? Check = null, Func<IPage, Task>? ShowErrors = null);

    /// <summary>Ids of the first records in the visitor's scope, and a set-password link for the anonymous visitor.</summary>
    private sealed record Ids(int SiteId, int CohortId, int RequestId, int MilestoneId, string PocUserId, string? SetPasswordUrl = null, int GrantId = 1, bool GrantInScope = true, int ResourceId = 1, int ToolkitId = 1, int InvitationId = 1, string? UnsubscribeUrl = null);

    private sealed record Who(string Name, DemoAccount? Account, Ids Ids)
    {
        public bool SignedIn => Account is not null;

        public bool Is(params DemoAccount[] accounts) => Account is not null && accounts.Contains(Account);
    }

    /// <summary>THE TABLE: route pattern → the addresses a visitor opens there and what the product says they get.</summary>
    private static Dictionary<string, Func<Who, Visit[]>> Table() => new(StringComparer.Ordinal)
    {
        [""] = w => [SignedIn(w, "/")],
        ["Error"] = _ => [new("/Error?code=404", Answer.ErrorPage, 404)],
        ["Account/AccessDenied"] = _ => [new("/Account/AccessDenied", Answer.ErrorPage, 403)],
        ["Account/Login"] = w => [w.SignedIn ? new("/Account/Login", Answer.Home) : new("/Account/Login", Answer.Page, ShowErrors: w.Name == Anonymous ? SubmitEmpty("Sign in") : null)],
        ["Account/LoginWith2fa"] = w => [w.Name == TwoFactor ? new("/Account/LoginWith2fa", Answer.Page, ShowErrors: SubmitEmpty("Sign in")) : new("/Account/LoginWith2fa", Answer.SignIn)],
        ["Account/LoginWithRecoveryCode"] = w => [w.Name == TwoFactor ? new("/Account/LoginWithRecoveryCode", Answer.Page, ShowErrors: SubmitEmpty("Sign in")) : new("/Account/LoginWithRecoveryCode", Answer.SignIn)],
        // A working link for the anonymous visitor; without one the page says the link does not work.
        ["Account/SetPassword"] = w => [new(w.Ids.SetPasswordUrl ?? "/Account/SetPassword", Answer.Page, ShowErrors: w.Ids.SetPasswordUrl is null ? null : SubmitEmpty("Set password"))],
        ["Account/Logout"] = w => [SignedIn(w, "/Account/Logout")],
        ["Account/Manage"] = w => [SignedIn(w, "/Account/Manage") with { ShowErrors = Errors(w, Poc, "Change password") ?? Errors(w, Liaison, "Create token") }],
        ["Api"] = w => [SignedIn(w, "/Api")],

        // PRODUCT: /Admin/Users is the Administrator's; /Admin/Audit is the Administrator's and BJA staff's.
        ["Admin/Users"] = w => [Allowed(w, "/Admin/Users", w.Is(Admin))],
        ["Admin/Users/New"] = w => [Allowed(w, "/Admin/Users/New", w.Is(Admin)) with { ShowErrors = Errors(w, Admin, "Create account") }],
        ["Admin/Users/{id}"] = w => [Allowed(w, $"/Admin/Users/{w.Ids.PocUserId}", w.Is(Admin)) with { ShowErrors = Errors(w, Admin, "Add team place") }],
        ["Admin/Audit"] = w =>
        [
            // With data: the seed alone writes thousands of entries, so the first page is full.
            Allowed(w, "/Admin/Audit", w.Is(Admin, Bja)) with { Check = HasRows },
            .. w.Is(Bja) ? [new Visit("/Admin/Audit?from=1900-01-01", Answer.Page, Check: ShowsErrors)] : Array.Empty<Visit>(),
            Allowed(w, "/Admin/Audit?handler=Export", w.Is(Admin, Bja), Answer.File),
        ],

        ["Sites"] = w => [SignedIn(w, "/Sites")],
        ["Sites/{id:int}"] = w => [SignedIn(w, $"/Sites/{w.Ids.SiteId}")],
        // PRODUCT: site teams are managed by administrators and BJA staff.
        ["Sites/{id:int}/Team"] = w => [Allowed(w, $"/Sites/{w.Ids.SiteId}/Team", w.Is(Admin, Bja)) with { ShowErrors = Errors(w, Bja, "Add to team") }],
        // PRODUCT: milestones are added by BJA staff (all sites) and liaisons (their sites).
        ["Sites/{siteId:int}/Milestones/New"] = w => [Allowed(w, $"/Sites/{w.Ids.SiteId}/Milestones/New", w.Is(Bja, Liaison)) with { ShowErrors = Errors(w, Liaison, "Add milestone") }],
        ["Cohorts"] = w => [SignedIn(w, "/Cohorts")],
        ["Cohorts/{id:int}"] = w => [SignedIn(w, $"/Cohorts/{w.Ids.CohortId}")],
        ["Cohorts/{id:int}/Export"] = w => [SignedIn(w, $"/Cohorts/{w.Ids.CohortId}/Export", Answer.File)],
        ["Tta"] = w => [SignedIn(w, "/Tta")],
        // PRODUCT: requests are submitted by liaisons and site contacts.
        ["Tta/New"] = w => [Allowed(w, "/Tta/New", w.Is(Liaison, Poc, Poc2)) with { ShowErrors = Errors(w, Poc, "Submit request") }],
        ["Tta/{id:int}"] = w => [SignedIn(w, $"/Tta/{w.Ids.RequestId}") with { ShowErrors = Errors(w, Liaison, "Add comment") }],
        ["Tta/Export"] = w => [SignedIn(w, "/Tta/Export", Answer.File)],
        ["Milestones"] = w => [SignedIn(w, "/Milestones")],
        // PRODUCT: resources are curated by BJA staff and visible to everyone signed in.
        ["Resources"] = w => [SignedIn(w, "/Resources"), SignedIn(w, "/Resources?Q=gun+violence&Size=Under100")],
        ["Resources/{id:int}"] = w => [SignedIn(w, $"/Resources/{w.Ids.ResourceId}") with { ShowErrors = Errors(w, Poc2, "Add to toolkit") }],
        ["Resources/New"] = w => [Allowed(w, "/Resources/New", w.Is(Bja)) with { ShowErrors = Errors(w, Bja, "Add resource") }],
        ["Resources/{id:int}/Edit"] = w => [Allowed(w, $"/Resources/{w.Ids.ResourceId}/Edit", w.Is(Bja))],
        // PRODUCT: a toolkit is visible to its owner and those it is shared with: the demo site contact's toolkit is
        // shared with the liaison; to everyone else it does not exist.
        ["Toolkits"] = w => [SignedIn(w, "/Toolkits") with { ShowErrors = Errors(w, Poc, "Create toolkit") }],
        ["Toolkits/{id:int}"] = w => [Shared(w, $"/Toolkits/{w.Ids.ToolkitId}", w.Is(Poc, Liaison))],
        ["Toolkits/{id:int}/Export"] = w => [Shared(w, $"/Toolkits/{w.Ids.ToolkitId}/Export", w.Is(Poc, Liaison), Answer.File)],
        // The demo invitation to Pueblo is answered by Pueblo's point of contact only.
        ["PeerExchanges/{id:int}"] = w => [Shared(w, $"/PeerExchanges/{w.Ids.InvitationId}", w.Is(Poc2)) with { ShowErrors = Errors(w, Poc2, "Accept the visit") }],
        ["Map"] = w => [SignedIn(w, "/Map"), SignedIn(w, "/Map?Status=Active")],
        // PRODUCT: each user's own notifications; the unsubscribe link of a message works without signing in, and a
        // link that is not one of the portal's answers 404.
        ["Notifications"] = w => [SignedIn(w, "/Notifications")],
        ["Notifications/Unsubscribe"] = w => [w.Ids.UnsubscribeUrl is { } link ? new(link, Answer.Page) : new("/Notifications/Unsubscribe?token=forged", Answer.ErrorPage, 404)],
        // Issue 12. PRODUCT: plans follow their site's scope and are written by liaisons and BJA staff; grants are listed
        // in scope and entered by BJA staff. A visitor with no grant in scope opens one out of scope: the 404 page.
        ["Sites/{id:int}/Plan"] = w => [SignedIn(w, $"/Sites/{w.Ids.SiteId}/Plan") with { ShowErrors = Errors(w, Liaison, "Add goal") }],
        ["Sites/{id:int}/Plan/Export"] = w => [SignedIn(w, $"/Sites/{w.Ids.SiteId}/Plan/Export", Answer.File)],
        ["Grants"] = w => [SignedIn(w, "/Grants")],
        ["Grants/Export"] = w => [SignedIn(w, "/Grants/Export", Answer.File)],
        ["Grants/New"] = w => [Allowed(w, "/Grants/New", w.Is(Bja)) with { ShowErrors = Errors(w, Bja, "Enter award") }],
        ["Grants/{id:int}"] = w => [w.SignedIn && !w.Ids.GrantInScope ? new Visit($"/Grants/{w.Ids.GrantId}", Answer.ErrorPage, 404) : SignedIn(w, $"/Grants/{w.Ids.GrantId}") with { ShowErrors = w.Is(Bja) ? SubmitEmpty("Link strategy") : null }],
        ["Milestones/{id:int}"] = w => [SignedIn(w, $"/Milestones/{w.Ids.MilestoneId}") with { ShowErrors = Errors(w, Liaison, "Reschedule") }],
    };

    /// <summary>A page for everyone signed in.</summary>
    private static Visit SignedIn(Who who, string url, Answer answer = Answer.Page) => Allowed(who, url, who.SignedIn, answer);

    /// <summary>A page for the signed-in visitors it is shared with; to the others signed in it does not exist (404).</summary>
    private static Visit Shared(Who who, string url, bool shared, Answer answer = Answer.Page) =>
        !who.SignedIn ? new(url, Answer.SignIn) : shared ? new(url, answer) : new(url, Answer.ErrorPage, 404);

    /// <summary>A page for the signed-in visitors the product gives it to; the others signed in are denied.</summary>
    private static Visit Allowed(Who who, string url, bool allowed, Answer answer = Answer.Page) =>
        new(url, !who.SignedIn ? Answer.SignIn : allowed ? answer : Answer.Denied);

    /// <summary>The empty submit of <paramref name="button"/>, by <paramref name="account"/> only (once per page is enough).</summary>
    private static Func<IPage, Task>? Errors(Who who, DemoAccount account, string button) => who.Is(account) ? SubmitEmpty(button) : null;

    private static Func<IPage, Task> SubmitEmpty(string button) => async page =>
    {
        await page.Locator("main").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = button, Exact = true }).First.ClickAsync();
        await ShowsErrors(page);
    };

    private static async Task ShowsErrors(IPage page)
    {
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator(".usa-error-message").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static async Task HasRows(IPage page) => await Expect(page.Locator("main table tbody tr")).Not.ToHaveCountAsync(0);

    [Fact]
    public void Every_route_of_the_app_has_a_row_and_every_page_is_opened_by_someone()
    {
        var routes = AppRoutes.Of(Browser.Server);
        var table = Table();
        AssertEveryRouteHasARow(routes, table);
        Assert.Contains("Admin/Audit", routes.Pages);

        var dummy = new Ids(1, 1, 1, 1, "user", "/Account/SetPassword?userId=u&code=c");
        var whos = new[] { new Who(Anonymous, null, dummy), new Who(TwoFactor, null, dummy) }.Concat(DemoAccount.All.Select(a => new Who(a.Email, a, dummy))).ToList();
        var unopened = routes.Pages.Where(route => !whos.Any(who => table[route](who).Any(v => v.Answer is Answer.Page or Answer.ErrorPage or Answer.File))).ToList();
        Assert.True(unopened.Count == 0, "Pages nobody opens: " + string.Join(", ", unopened));
    }

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Every_page_the_visitor_may_see_passes_axe_and_the_others_answer_as_the_product_says(string visitor)
    {
        var routes = AppRoutes.Of(Browser.Server);
        var table = Table();
        AssertEveryRouteHasARow(routes, table);

        var email = visitor switch
        {
            Anonymous => null,
            TwoFactor => await TwoFactorAccountAsync(),
            _ => visitor,
        };
        await using var session = await VisitorSession.OpenAsync(Browser, email);
        var who = new Who(visitor, visitor is Anonymous or TwoFactor ? null : DemoAccount.ByEmail(visitor), await IdsAsync(visitor));

        var failures = new List<string>();
        var checkedPages = 0;
        foreach (var route in routes.Pages)
        {
            foreach (var visit in table[route](who))
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    checkedPages += await session.VisitAsync(visit) ? 1 : 0;
                    output.WriteLine($"{visit.Answer,-9} {visit.Url}{(visit.ShowErrors is null ? string.Empty : " (and with errors)")} {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
                }
                catch (Exception e) when (e is PlaywrightException or Xunit.Sdk.XunitException or TimeoutException)
                {
                    failures.Add($"{visit.Url} ({route}): {e.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{visitor}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        Assert.True(checkedPages >= 3, $"{visitor} opened only {checkedPages} pages");
    }

    private static void AssertEveryRouteHasARow(AppRoutes routes, Dictionary<string, Func<Who, Visit[]>> table)
    {
        var missing = routes.Pages.Where(r => !table.ContainsKey(r)).Concat(routes.OtherEndpoints.Where(r => !NotPages.ContainsKey(r))).ToList();
        var stale = table.Keys.Where(k => !routes.Pages.Contains(k)).Concat(NotPages.Keys.Where(k => !routes.OtherEndpoints.Contains(k))).ToList();
        Assert.True(missing.Count == 0, "Routes of the app without a row in the table (decide who opens them, with which ids): " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows for routes the app does not have: " + string.Join(", ", stale));
    }

    /// <summary>The first records in the visitor's scope, as the app's own scope rule (SiteScope) says; everything for
    /// a visitor who is not signed in (whose visits end at the sign-in page anyway).</summary>
    private async Task<Ids> IdsAsync(string visitor)
    {
        using var scope = Browser.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var account = visitor is Anonymous or TwoFactor ? DemoAccount.Bja : DemoAccount.ByEmail(visitor);
        var userId = await db.Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleAsync();
        var access = await scope.ServiceProvider.GetRequiredService<SiteScope>().ForUserIdAsync(userId);
        var pocUserId = await db.Users.Where(u => u.Email == Poc.Email).Select(u => u.Id).SingleAsync();
        return new Ids(
            await db.Sites.InScope(access).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            await db.Engagements.InScope(access).OrderBy(e => e.CohortId).Select(e => e.CohortId).FirstAsync(),
            // A request under review shows the most: its actions' forms.
            await db.TtaRequests.InScope(access).OrderBy(r => r.Status == TtaStatus.InReview ? 0 : 1).ThenBy(r => r.Id).Select(r => r.Id).FirstAsync(),
            // A planned milestone shows the most: its "Mark complete", "Reschedule" and "Defer" forms.
            await db.Milestones.InScope(access).OrderBy(m => m.Status == MilestoneStatus.Planned ? 0 : 1).ThenBy(m => m.Id).Select(m => m.Id).FirstAsync(),
            pocUserId,
            visitor == Anonymous ? await SetPasswordUrlAsync(scope.ServiceProvider) : null,
            await db.CapacityGrants.InScope(access).OrderBy(g => g.Id).Select(g => (int?)g.Id).FirstOrDefaultAsync() ?? await db.CapacityGrants.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(),
            await db.CapacityGrants.InScope(access).AnyAsync(),
            await db.Resources.Where(r => !r.IsRetired).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
            await db.Toolkits.Where(t => t.Shares.Any()).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
            await db.PeerExchanges.Where(p => p.Status == PeerExchangeStatus.Invited && p.HostSite!.Name == "Pueblo").Select(p => p.Id).FirstAsync(),
            visitor == Anonymous
                ? "/Notifications/Unsubscribe?token=" + Uri.EscapeDataString(scope.ServiceProvider.GetRequiredService<PspPortal.Web.Infrastructure.Mail.UnsubscribeTokens>().For(pocUserId, NotificationKind.RequestDecided))
                : null);
    }

    /// <summary>A set-password link for a new account of its own, as an administrator would give it.</summary>
    private static async Task<string> SetPasswordUrlAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = await CreateAccountAsync(users, password: null);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return QueryHelpers.AddQueryString("/Account/SetPassword", new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)) });
    }

    /// <summary>An account of its own with two-factor authentication on, so that its password leads to the code page.</summary>
    private async Task<string> TwoFactorAccountAsync()
    {
        using var scope = Browser.Server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await CreateAccountAsync(users, PortalServer.DemoPassword);
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return user.Email!;
    }

    private static async Task<PortalUser> CreateAccountAsync(UserManager<PortalUser> users, string? password)
    {
        var email = $"a11y-{Guid.NewGuid():N}@psp.example";
        var user = new PortalUser { UserName = email, Email = email, FullName = "Accessibility Check", CreatedAt = DateTime.UtcNow };
        Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, Roles.Analyst));
        return user;
    }

    private static void Check(IdentityResult result) => Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    /// <summary>One browser context for one visitor, signed in once, watched for problems on every page it opens.</summary>
    private sealed class VisitorSession : IAsyncDisposable
    {
        private readonly IBrowserContext _context;
        private readonly IPage _page;
        private readonly PageProblems _problems;
        private readonly Uri _portal;

        private VisitorSession(IBrowserContext context, IPage page, Uri portal)
        {
            _context = context;
            _page = page;
            _portal = portal;
            _problems = new PageProblems(page, portal, documentStatusIsChecked: true);
        }

        /// <param name="browser">the test collection's browser and portal</param>
        /// <param name="email">the account to sign in with (a two-factor account stops at the code page); null for anonymous</param>
        public static async Task<VisitorSession> OpenAsync(BrowserFixture browser, string? email)
        {
            var context = await browser.NewContextAsync();
            var session = new VisitorSession(context, await context.NewPageAsync(), browser.Server.Address);
            if (email is not null)
            {
                await session.SignInAsync(email);
            }

            return session;
        }

        /// <summary>Opens one address as the table says; true when a page was checked with axe-core.</summary>
        public async Task<bool> VisitAsync(Visit visit)
        {
            if (visit.Answer is Answer.Page or Answer.ErrorPage)
            {
                var response = await _page.GotoAsync(visit.Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load })
                    ?? throw new InvalidOperationException($"No response for {visit.Url}");
                var redirectedFrom = response.Request.RedirectedFrom;
                Assert.True(redirectedFrom is null && response.Status == visit.Status,
                    $"the table says {visit.Answer} ({visit.Status}); it answered {response.Status} at {_page.Url}{(redirectedFrom is null ? string.Empty : " after a redirect")}");
                Assert.StartsWith("text/html", await response.HeaderValueAsync("content-type") ?? string.Empty, StringComparison.Ordinal);
                await CheckAsync();
                if (visit.Check is not null)
                {
                    await visit.Check(_page);
                }

                if (visit.ShowErrors is not null)
                {
                    await visit.ShowErrors(_page);
                    await CheckAsync();
                }

                return true;
            }

            // Not a page for this visitor: its answer, without following it.
            var answer = await _context.APIRequest.GetAsync(new Uri(_portal, visit.Url).ToString(), new APIRequestContextOptions { MaxRedirects = 0 });
            var actual = Classify(answer);
            Assert.True(actual == visit.Answer, $"the table says {visit.Answer}; it answered {answer.Status} {answer.Headers.GetValueOrDefault("location")} ({actual?.ToString() ?? "unexpected"})");
            return false;
        }

        public async ValueTask DisposeAsync()
        {
            await _context.CloseAsync();
            _problems.AssertNone();
        }

        private async Task SignInAsync(string email)
        {
            await _page.GotoAsync("/Account/Login");
            await _page.GetByLabel("Email", new PageGetByLabelOptions { Exact = true }).FillAsync(email);
            await _page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(PortalServer.DemoPassword);
            await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(_page).Not.ToHaveURLAsync(new Uri(_portal, "/Account/Login").ToString());
            _problems.AssertNone();
        }

        private async Task CheckAsync()
        {
            _problems.AssertNone();
            await _page.AssertAccessibleAsync();
        }

        private static Answer? Classify(IAPIResponse response)
        {
            var location = response.Headers.GetValueOrDefault("location") ?? string.Empty;
            var path = Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : location;
            return response.Status switch
            {
                200 when response.Headers.GetValueOrDefault("content-type") is { } type && type.StartsWith("text/csv", StringComparison.Ordinal)
                    && (response.Headers.GetValueOrDefault("content-disposition") ?? string.Empty).StartsWith("attachment", StringComparison.Ordinal) => Answer.File,
                200 => Answer.Page,
                302 when path.StartsWith("/Account/Login", StringComparison.Ordinal) => Answer.SignIn,
                302 when path.StartsWith("/Account/AccessDenied", StringComparison.Ordinal) => Answer.Denied,
                302 when path == "/" => Answer.Home,
                _ => null,
            };
        }
    }
}
