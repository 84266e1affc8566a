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

    [Fact]
    public async Task Two_portal_processes_on_one_database_accept_each_other_s_cookie_and_form_tokens()
    {
        var database = Path.Combine(Path.GetTempPath(), $"psp-two-processes-{Guid.NewGuid():N}.db");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = $"Data Source={database}",
            ["Database__Provider"] = "Sqlite",
            ["Database__MigrateOnStartup"] = "true",
            ["Demo__Seed"] = "true",
            ["Demo__Password"] = PortalFactory.DemoPassword,
            ["Security__SignInThrottle__FirstDelay"] = "00:00:00",
        };
        try
        {
            // The first migrates and seeds; the second starts on what the first made, as a second web server does.
            await using var first = await PortalServerProcess.StartAsync(environment);
            await using var second = await PortalServerProcess.StartAsync(environment);
            Assert.NotEqual(first.Address, second.Address);

            // One browser, one cookie jar for the one host name, whichever process answers.
            var cookies = new CookieContainer();
            using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
            using var http = new HttpClient(handler);
            var viaFirst = new Uri(first.Address, "/Account/Login");
            var login = await PortalClient.ParseAsync(await http.GetAsync(viaFirst));
            var fields = login.QuerySelectorAll("main form input[type=hidden]")
                .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? string.Empty))
                .Append(new("Input.Email", DemoUsers.Liaison))
                .Append(new("Input.Password", PortalFactory.DemoPassword))
                .ToList();
            using var form = new FormUrlEncodedContent(fields);
            var signedIn = await http.PostAsync(new Uri(second.Address, "/Account/Login"), form);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(first.Address, "/Tta"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(second.Address, "/Tta"))).StatusCode);

            var page = await PortalClient.ParseAsync(await http.GetAsync(new Uri(first.Address, "/Tta")));
            var token = page.QuerySelector("form.psp-signout input[name=__RequestVerificationToken]")?.GetAttribute("value");
            Assert.False(string.IsNullOrEmpty(token));
            using var signOut = new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token!)]);
            Assert.Equal(HttpStatusCode.Redirect, (await http.PostAsync(new Uri(second.Address, "/Account/Logout"), signOut)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync(new Uri(first.Address, "/Tta"))).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
