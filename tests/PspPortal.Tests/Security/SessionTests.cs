using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure.Security;
using PspPortal.Web.Pages.Account;

namespace PspPortal.Tests.Security;

[Collection(PortalTests.Name)]
public class SessionTests(PortalFactory factory)
{
    [Fact]
    public async Task A_copied_session_cookie_stops_working_after_sign_out()
    {
        var (_, email) = await Accounts.CreateAsync(factory);
        using var client = factory.CreatePortalClient();
        var cookie = Accounts.SessionCookie(await client.SignInAsync(email, Accounts.Password));
        Assert.Equal(HttpStatusCode.OK, (await Accounts.GetWithCookieAsync(factory, cookie)).StatusCode);

        await client.SubmitFormAsync("/", "form[action='/Account/Logout']", new Dictionary<string, string>());

        var copied = await Accounts.GetWithCookieAsync(factory, cookie);
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        Assert.StartsWith("/Account/Login", copied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_sign_in_makes_a_new_session_on_the_server()
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        using var first = factory.CreatePortalClient();
        using var second = factory.CreatePortalClient();

        var a = Accounts.SessionCookie(await first.SignInAsync(email, Accounts.Password));
        var b = Accounts.SessionCookie(await second.SignInAsync(email, Accounts.Password));

        Assert.NotEqual(a, b);
        await using var db = factory.CreateDbContext();
        Assert.Equal(2, await db.UserSessions.CountAsync(s => s.UserId == id));
    }

    [Fact]
    public async Task Disabling_an_account_and_ending_its_sessions_signs_it_out_everywhere()
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        using var client = await factory.SignInAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await using (var db = factory.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set => set.SetProperty(u => u.IsDisabled, true));
        }

        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<UserSessions>().EndSessionsForUserAsync(id));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        using var again = factory.CreatePortalClient();
        var refused = await again.SignInAsync(email, Accounts.Password);
        Assert.Contains(LoginModel.RefusedMessage, (await PortalClient.ParseAsync(refused)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_cookie_stops_working_at_once_even_before_its_sessions_are_ended()
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        using var client = await factory.SignInAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await using (var db = factory.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set => set.SetProperty(u => u.IsDisabled, true));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_session_ended_on_another_server_ends_here_on_the_next_request()
    {
        // Another server's sign-out is only a deleted row: this server, which has read the session before, must not
        // go on trusting what it read.
        var (id, email) = await Accounts.CreateAsync(factory);
        using var client = await factory.SignInAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(1, await db.UserSessions.Where(s => s.UserId == id).ExecuteDeleteAsync());
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_session_s_stored_ticket_decides_each_request_not_the_one_read_before()
    {
        // Another server renews the session with a ticket of fewer rights (here: a liaison's): the very next request
        // here has those rights, although this server read the administrator's ticket a moment before.
        var (adminId, adminEmail) = await Accounts.CreateAsync(factory, Roles.Administrator);
        var (liaisonId, liaisonEmail) = await Accounts.CreateAsync(factory, Roles.Liaison);
        using var admin = await factory.SignInAsync(adminEmail, Accounts.Password);
        using var liaison = await factory.SignInAsync(liaisonEmail, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);

        await using (var db = factory.CreateDbContext())
        {
            var liaisonTicket = await db.UserSessions.Where(s => s.UserId == liaisonId).Select(s => s.Ticket).SingleAsync();
            await db.UserSessions.Where(s => s.UserId == adminId).ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, liaisonTicket));
        }

        Assert.NotEqual(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
    }

    [Theory]
    [InlineData("idle")]
    [InlineData("absolute")]
    public async Task A_session_past_its_time_out_ends(string timeOut)
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        using var client = await factory.SignInAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await using (var db = factory.CreateDbContext())
        {
            var past = DateTime.UtcNow.AddSeconds(-1);
            var sessions = db.UserSessions.Where(s => s.UserId == id);
            await (timeOut == "idle"
                ? sessions.ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, past))
                : sessions.ExecuteUpdateAsync(set => set.SetProperty(s => s.AbsoluteExpiresAt, past)));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        await using var check = factory.CreateDbContext();
        Assert.False(await check.UserSessions.AnyAsync(s => s.UserId == id));
    }

    [Fact]
    public async Task Session_cookies_are_http_only_and_same_site_lax()
    {
        var (_, email) = await Accounts.CreateAsync(factory);
        using var client = factory.CreatePortalClient();

        var response = await client.SignInAsync(email, Accounts.Password);

        var header = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("psp.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", header, StringComparison.OrdinalIgnoreCase);
    }
}

public class ProductionCookieTests(ProductionPortalFactory factory) : IClassFixture<ProductionPortalFactory>
{
    [Fact]
    public async Task In_production_the_cookies_are_secure_and_host_prefixed()
    {
        using var client = new PortalClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(ProductionPortalFactory.PublicAddress),
        }));

        var response = await client.SignInAsync(DemoUsers.Poc, PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-psp.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);
        var login = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task In_production_the_antiforgery_cookie_is_secure_and_host_prefixed()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri(ProductionPortalFactory.PublicAddress) });

        var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-psp.antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}
