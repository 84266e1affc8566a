using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Security;

/// <summary>Every route of the app, asked by every role and by an anonymous visitor, against one table of expected
/// answers. The routes come from the app's own endpoints, so a new page without a row in the table fails the test.</summary>
[Collection(PortalTests.Name)]
public class AuthorizationMatrixTests(PortalFactory factory)
{
    /// <summary>What a GET answers.</summary>
    public enum Answer
    {
        Ok,

        /// <summary>302 to /Account/Login (not signed in).</summary>
        SignIn,

        /// <summary>The authorization middleware forbids: 302 to /Account/AccessDenied, which answers 403.</summary>
        Denied,

        /// <summary>403 straight away.</summary>
        Forbidden,
        NotFound,

        /// <summary>302 to the home page (a signed-in user on the sign-in page).</summary>
        Home,

        /// <summary>401 with WWW-Authenticate: the API, which takes a personal access token and never the cookie.</summary>
        Unauthorized,
    }

    private const string Anonymous = "anonymous";

    private static readonly string[] Identities = [Anonymous, DemoUsers.Admin, DemoUsers.Bja, DemoUsers.Champion, DemoUsers.Liaison, DemoUsers.Analyst, DemoUsers.Poc, DemoUsers.Poc2];

    private sealed record Case(string Url, Answer Anonymous, Answer Admin, Answer Bja, Answer Champion, Answer Liaison, Answer Analyst, Answer Poc, Answer Poc2)
    {
        public Answer For(string identity) => identity switch
        {
            DemoUsers.Admin => Admin,
            DemoUsers.Bja => Bja,
            DemoUsers.Champion => Champion,
            DemoUsers.Liaison => Liaison,
            DemoUsers.Analyst => Analyst,
            DemoUsers.Poc => Poc,
            DemoUsers.Poc2 => Poc2,
            _ => Anonymous,
        };
    }

    private static Case Everyone(string url, Answer anonymous, Answer signedIn) => new(url, anonymous, signedIn, signedIn, signedIn, signedIn, signedIn, signedIn, signedIn);

    private static Case AdminOnly(string url, Answer admin = Answer.Ok) => new(url, Answer.SignIn, admin, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Denied);

    /// <summary>Open to every signed-in user whose scope holds a site: in scope answers, out of scope is 404.</summary>
    private static Case Scoped(string url, bool champion, bool liaison, bool analyst, bool poc, bool poc2)
    {
        static Answer A(bool inScope) => inScope ? Answer.Ok : Answer.NotFound;
        return new(url, Answer.SignIn, Answer.Ok, Answer.Ok, A(champion), A(liaison), A(analyst), A(poc), A(poc2));
    }

    private static Case Tampa(string url) => Scoped(url, champion: true, liaison: true, analyst: true, poc: true, poc2: false);

    private static Case Pueblo(string url) => Scoped(url, champion: true, liaison: false, analyst: false, poc: false, poc2: true);

    private static Case Missing(string url) => Everyone(url, Answer.SignIn, Answer.NotFound);

    private static Case AdminAndBja(string url, Answer answer = Answer.Ok) => new(url, Answer.SignIn, answer, answer, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Denied);

    /// <summary>THE TABLE: route pattern → the URLs asked (parameters filled with seeded ids) and the answers expected.</summary>
    private static Dictionary<string, Func<Seeds, Case[]>> Table() => new()
    {
        [""] = _ => [Everyone("/", Answer.SignIn, Answer.Ok)],
        // Issue 14: the API reference is a page; the OpenAPI document is open; the API refuses the session cookie (its
        // scope per token is Api/ApiScopeTests).
        ["Api"] = _ => [Everyone("/Api", Answer.SignIn, Answer.Ok)],
        ["openapi/v1.json"] = _ => [Everyone("/openapi/v1.json", Answer.Ok, Answer.Ok)],
        ["api/v1/sites"] = _ => [Everyone("/api/v1/sites", Answer.Unauthorized, Answer.Unauthorized)],
        ["api/v1/sites/{id:int}"] = s => [Everyone($"/api/v1/sites/{s.TampaId}", Answer.Unauthorized, Answer.Unauthorized)],
        ["api/v1/sites/{id:int}/plan"] = s => [Everyone($"/api/v1/sites/{s.TampaId}/plan", Answer.Unauthorized, Answer.Unauthorized)],
        ["api/v1/cohorts"] = _ => [Everyone("/api/v1/cohorts", Answer.Unauthorized, Answer.Unauthorized)],
        ["api/v1/cohorts/{id:int}"] = s => [Everyone($"/api/v1/cohorts/{s.Cohort2024Id}", Answer.Unauthorized, Answer.Unauthorized)],
        ["api/v1/requests"] = _ => [Everyone("/api/v1/requests", Answer.Unauthorized, Answer.Unauthorized)],
        ["api/v1/requests/{id:int}"] = s => [Everyone($"/api/v1/requests/{s.TampaRequestId}", Answer.Unauthorized, Answer.Unauthorized)],
        ["api/v1/milestones"] = _ => [Everyone("/api/v1/milestones", Answer.Unauthorized, Answer.Unauthorized)],
        ["Error"] = _ => [Everyone("/Error?code=404", Answer.NotFound, Answer.NotFound)],
        ["healthz"] = _ => [Everyone("/healthz", Answer.Ok, Answer.Ok)],
        ["healthz/ready"] = _ => [Everyone("/healthz/ready", Answer.Ok, Answer.Ok)],
        ["healthz/live"] = _ => [Everyone("/healthz/live", Answer.Ok, Answer.Ok)],
        ["Account/Login"] = _ => [Everyone("/Account/Login", Answer.Ok, Answer.Home)],
        ["Account/Logout"] = _ => [Everyone("/Account/Logout", Answer.SignIn, Answer.Ok)],
        ["Account/Manage"] = _ => [Everyone("/Account/Manage", Answer.SignIn, Answer.Ok)],
        ["Account/AccessDenied"] = _ => [Everyone("/Account/AccessDenied", Answer.Forbidden, Answer.Forbidden)],
        ["Account/SetPassword"] = _ => [Everyone("/Account/SetPassword", Answer.Ok, Answer.Ok)],
        ["Admin/Users"] = _ => [AdminOnly("/Admin/Users")],
        ["Admin/Users/New"] = _ => [AdminOnly("/Admin/Users/New")],
        ["Admin/Users/{id}"] = s => [AdminOnly($"/Admin/Users/{s.PocUserId}"), AdminOnly("/Admin/Users/no-such-account", Answer.NotFound)],
        ["Admin/Audit"] = _ => [AdminAndBja("/Admin/Audit"), AdminAndBja("/Admin/Audit?handler=Export")],
        ["Account/LoginWith2fa"] = _ => [Everyone("/Account/LoginWith2fa", Answer.SignIn, Answer.SignIn)],
        ["Account/LoginWithRecoveryCode"] = _ => [Everyone("/Account/LoginWithRecoveryCode", Answer.SignIn, Answer.SignIn)],
        ["Sites"] = _ => [Everyone("/Sites", Answer.SignIn, Answer.Ok)],
        ["Sites/{id:int}"] = s => [Tampa($"/Sites/{s.TampaId}"), Pueblo($"/Sites/{s.PuebloId}"), Missing("/Sites/987654")],
        ["Cohorts"] = _ => [Everyone("/Cohorts", Answer.SignIn, Answer.Ok)],
        ["Cohorts/{id:int}"] = s => [Scoped($"/Cohorts/{s.Cohort2024Id}", true, true, true, true, true), AdminAndBja($"/Cohorts/{s.PilotCohortId}", Answer.Ok) with { Champion = Answer.NotFound, Liaison = Answer.NotFound, Analyst = Answer.NotFound, Poc = Answer.NotFound, Poc2 = Answer.NotFound }, Missing("/Cohorts/987654")],
        ["Tta"] = _ => [Everyone("/Tta", Answer.SignIn, Answer.Ok)],
        ["Tta/Export"] = _ => [Everyone("/Tta/Export", Answer.SignIn, Answer.Ok)],
        ["Tta/New"] = _ => [new("/Tta/New", Answer.SignIn, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Ok, Answer.Denied, Answer.Ok, Answer.Ok)],
        ["Tta/{id:int}"] = s => [Tampa($"/Tta/{s.TampaRequestId}"), Pueblo($"/Tta/{s.PuebloRequestId}"), Missing("/Tta/987654")],
        ["Cohorts/{id:int}/Export"] = s => [Scoped($"/Cohorts/{s.Cohort2024Id}/Export", true, true, true, true, true), Missing("/Cohorts/987654/Export")],
        ["Milestones"] = _ => [Everyone("/Milestones", Answer.SignIn, Answer.Ok)],
        ["Milestones/{id:int}"] = s => [Tampa($"/Milestones/{s.TampaMilestoneId}"), Pueblo($"/Milestones/{s.PuebloMilestoneId}"), Missing("/Milestones/987654")],
        ["Sites/{siteId:int}/Milestones/New"] = s =>
        [
            // Only BJA staff (all sites) and the site's liaison add milestones; others in scope are denied, out of scope is 404.
            new($"/Sites/{s.TampaId}/Milestones/New", Answer.SignIn, Answer.Denied, Answer.Ok, Answer.Denied, Answer.Ok, Answer.Denied, Answer.Denied, Answer.NotFound),
            new($"/Sites/{s.PuebloId}/Milestones/New", Answer.SignIn, Answer.Denied, Answer.Ok, Answer.Denied, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.Denied),
        ],
        ["Calendar/{token}.ics"] = _ => [Everyone("/Calendar/not-a-real-token.ics", Answer.NotFound, Answer.NotFound)],
        // PRODUCT: resources are visible to everyone signed in and curated by BJA staff.
        ["Resources"] = _ => [Everyone("/Resources", Answer.SignIn, Answer.Ok), Everyone("/Resources?Q=%22NEAR(&Type=x", Answer.SignIn, Answer.Ok)],
        ["Resources/{id:int}"] = s => [Everyone($"/Resources/{s.ResourceId}", Answer.SignIn, Answer.Ok), Missing("/Resources/987654")],
        ["Resources/New"] = _ => [new("/Resources/New", Answer.SignIn, Answer.Denied, Answer.Ok, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Denied)],
        ["Resources/{id:int}/Edit"] = s => [new($"/Resources/{s.ResourceId}/Edit", Answer.SignIn, Answer.Denied, Answer.Ok, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Denied)],
        // A toolkit: its owner and those it is shared with; anyone else, whatever their role, 404.
        ["Toolkits"] = _ => [Everyone("/Toolkits", Answer.SignIn, Answer.Ok)],
        ["Toolkits/{id:int}"] = s => [new($"/Toolkits/{s.PocToolkitId}", Answer.SignIn, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.Ok, Answer.NotFound, Answer.Ok, Answer.NotFound), Missing("/Toolkits/987654")],
        ["Toolkits/{id:int}/Export"] = s => [new($"/Toolkits/{s.PocToolkitId}/Export", Answer.SignIn, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.Ok, Answer.NotFound, Answer.Ok, Answer.NotFound)],
        // A peer exchange invitation: the host site's points of contact only.
        ["PeerExchanges/{id:int}"] = s => [new($"/PeerExchanges/{s.PuebloInvitationId}", Answer.SignIn, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.Ok), Missing("/PeerExchanges/987654")],
        ["Map"] = _ => [Everyone("/Map", Answer.SignIn, Answer.Ok)],
        // Each user's own notifications; the unsubscribe page needs no sign-in but a valid token (a forged one is 404).
        ["Notifications"] = _ => [Everyone("/Notifications", Answer.SignIn, Answer.Ok)],
        ["Notifications/Unsubscribe"] = _ => [Everyone("/Notifications/Unsubscribe?token=forged", Answer.NotFound, Answer.NotFound)],
        // Issue 12: plans follow their site's scope; grants are listed in scope and entered by BJA staff only.
        ["Sites/{id:int}/Plan"] = s => [Tampa($"/Sites/{s.TampaId}/Plan"), Pueblo($"/Sites/{s.PuebloId}/Plan"), Missing("/Sites/987654/Plan")],
        ["Sites/{id:int}/Plan/Export"] = s => [Tampa($"/Sites/{s.TampaId}/Plan/Export"), Pueblo($"/Sites/{s.PuebloId}/Plan/Export"), Missing("/Sites/987654/Plan/Export")],
        ["Grants"] = _ => [Everyone("/Grants", Answer.SignIn, Answer.Ok)],
        ["Grants/Export"] = _ => [Everyone("/Grants/Export", Answer.SignIn, Answer.Ok)],
        ["Grants/New"] = _ => [new("/Grants/New", Answer.SignIn, Answer.Denied, Answer.Ok, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Denied, Answer.Denied)],
        // Tulsa is in no demo account's team: only those who see every site see its award.
        ["Grants/{id:int}"] = s => [Scoped($"/Grants/{s.TulsaGrantId}", false, false, false, false, false), Missing("/Grants/987654")],
        ["Sites/{id:int}/Team"] = s => [AdminAndBja($"/Sites/{s.TampaId}/Team"), AdminAndBja($"/Sites/{s.PuebloId}/Team"), AdminAndBja("/Sites/987654/Team", Answer.NotFound)],
    };

    private sealed record Seeds(string PocUserId, int TampaId, int PuebloId, int TampaRequestId, int PuebloRequestId, int Cohort2024Id, int PilotCohortId, int TampaMilestoneId, int PuebloMilestoneId, int TulsaGrantId, int ResourceId = 0, int PocToolkitId = 0, int PuebloInvitationId = 0);

    private List<string> AppRoutes()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var patterns = endpoints.Select(e => (e.RoutePattern.RawText ?? string.Empty).Trim('/')).ToHashSet(StringComparer.Ordinal);

        // A Razor page named Index answers at its folder too: keep the folder's route only.
        return [.. patterns.Where(p => !(p == "Index" || (p.EndsWith("/Index", StringComparison.Ordinal) && patterns.Contains(p[..^"/Index".Length])))).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Every_route_of_the_app_has_a_row_in_the_table()
    {
        var routes = AppRoutes();
        var table = Table();

        var missing = routes.Where(r => !table.ContainsKey(r)).ToList();
        var stale = table.Keys.Where(k => !routes.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Routes without a row in the table: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows for routes the app does not have: " + string.Join(", ", stale));
        Assert.Contains("Admin/Users/{id}", routes);
    }

    [Fact]
    public async Task Every_route_answers_every_role_and_anonymous_as_the_table_says()
    {
        Seeds seeds;
        using (var db = factory.CreateDbContext())
        {
            seeds = new Seeds(
                await db.Users.Where(u => u.Email == DemoUsers.Poc).Select(u => u.Id).SingleAsync(),
                await db.Sites.Where(s => s.Name == "Tampa").Select(s => s.Id).SingleAsync(),
                await db.Sites.Where(s => s.Name == "Pueblo").Select(s => s.Id).SingleAsync(),
                await db.TtaRequests.Where(r => r.Site!.Name == "Tampa").OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
                await db.TtaRequests.Where(r => r.Site!.Name == "Pueblo").OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
                await db.Cohorts.Where(c => c.Year == 2024 && c.Name == "2024 sites").Select(c => c.Id).SingleAsync(),
                await db.Cohorts.Where(c => c.Year == 2014).Select(c => c.Id).SingleAsync(),
                await db.Milestones.Where(m => m.Engagement!.Site!.Name == "Tampa").OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
                await db.Milestones.Where(m => m.Engagement!.Site!.Name == "Pueblo").OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
                await db.CapacityGrants.Where(g => g.Site!.Name == "Tulsa").Select(g => g.Id).FirstAsync(),
                await db.Resources.Where(r => !r.IsRetired).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
                // The demo site contact's toolkit, shared with the liaison (and nobody else).
                await db.Toolkits.Where(t => t.Shares.Any(s => s.UserId != null)).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
                await db.PeerExchanges.Where(p => p.HostSite!.Name == "Pueblo").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        }

        var cases = AppRoutes().Where(Table().ContainsKey).SelectMany(r => Table()[r](seeds)).ToList();
        var failures = new List<string>();
        foreach (var identity in Identities)
        {
            using var client = identity == Anonymous ? factory.CreatePortalClient() : await factory.SignInAsync(identity);
            foreach (var @case in cases)
            {
                var expected = @case.For(identity);
                var response = await client.GetAsync(@case.Url);
                var actual = Classify(response);
                if (actual != expected)
                {
                    failures.Add($"{identity} GET {@case.Url}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static Answer? Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var path = location.StartsWith("http", StringComparison.Ordinal) ? new Uri(location).PathAndQuery : location;
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Answer.Ok,
            HttpStatusCode.NotFound => Answer.NotFound,
            HttpStatusCode.Forbidden => Answer.Forbidden,
            HttpStatusCode.Unauthorized when response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer") => Answer.Unauthorized,
            HttpStatusCode.Redirect when path.StartsWith("/Account/Login", StringComparison.Ordinal) => Answer.SignIn,
            HttpStatusCode.Redirect when path.StartsWith("/Account/AccessDenied", StringComparison.Ordinal) => Answer.Denied,
            HttpStatusCode.Redirect when path == "/" => Answer.Home,
            _ => null,
        };
    }
}
