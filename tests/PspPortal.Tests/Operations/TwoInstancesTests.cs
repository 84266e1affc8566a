using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Operations;

/// <summary>Two instances of the portal behind a load balancer, on one database: each its own host, service provider
/// and memory (key ring cache, sign-in throttle, rate limiter), sharing nothing but the database file. A person's
/// requests may reach either one: the sign-in form of one is accepted by the other, the session cookie one issues
/// is honoured by the other, and signing out on one ends the session on both (sessions live in the database).</summary>
public class TwoInstancesTests
{
    private sealed class SecondInstance(string databasePath) : PortalFactory(databasePath);

    [Fact]
    public async Task Either_instance_accepts_the_sign_in_cookie_and_the_form_tokens_the_other_issued()
    {
        using var first = new PortalFactory();
        using var second = new SecondInstance(first.DatabasePath);

        // One browser: one cookie jar, whichever instance the load balancer picks.
        var cookies = new CookieContainer();
        using var viaFirst = new PortalClient(first.CreateDefaultClient(new CookieContainerHandler(cookies)));
        using var viaSecond = new PortalClient(second.CreateDefaultClient(new CookieContainerHandler(cookies)));

        // The sign-in form (and its antiforgery token) comes from the first; it is posted to the second.
        var login = await viaFirst.GetDocumentAsync("/Account/Login");
        var fields = login.QuerySelectorAll("main form input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? string.Empty))
            .Append(new("Input.Email", DemoUsers.Liaison))
            .Append(new("Input.Password", PortalFactory.DemoPassword))
            .ToList();
        Assert.Contains(fields, f => f.Key == "__RequestVerificationToken");
        var signedIn = await viaSecond.PostAsync("/Account/Login", fields);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The session cookie the second issued opens pages on the first, and on the second.
        Assert.Equal(HttpStatusCode.OK, (await viaFirst.GetAsync("/Tta")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viaSecond.GetAsync("/Tta")).StatusCode);

        // A form the second served (sign-out, with its token) is accepted by the first, and the session ends on both.
        var page = await viaSecond.GetDocumentAsync("/Tta");
        var token = page.QuerySelector("form.psp-signout input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token));
        var signedOut = await viaFirst.PostAsync("/Account/Logout", [new("__RequestVerificationToken", token!)]);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await viaSecond.GetAsync("/Tta")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await viaFirst.GetAsync("/Tta")).StatusCode);
    }
}
