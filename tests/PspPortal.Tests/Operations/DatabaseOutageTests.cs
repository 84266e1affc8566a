using System.Net;
using Microsoft.Data.Sqlite;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Infrastructure;

namespace PspPortal.Tests.Operations;

/// <summary>While the database cannot be used, readiness answers 503 (the load balancer sends the instance no
/// traffic), liveness stays 200 (nothing to restart), and pages answer a plain 503 page; when the database is back,
/// both recover without a restart.</summary>
public class DatabaseOutageTests
{
    [Fact]
    public async Task Readiness_and_pages_answer_503_while_the_database_file_is_gone_and_recover_by_themselves()
    {
        using var factory = new PortalFactory();
        using var anonymous = factory.CreatePortalClient();
        using var signedIn = await factory.SignInAsync(DemoUsers.Liaison);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);

        var away = factory.DatabasePath + ".away";
        SqliteConnection.ClearAllPools();
        File.Move(factory.DatabasePath, away);
        try
        {
            var ready = await anonymous.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/live")).StatusCode);

            // A signed-in page needs the database (the session, the data): a plain page says so, without a stack.
            var page = await signedIn.GetAsync("/Tta");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("30", page.Headers.RetryAfter?.ToString());
            Assert.Contains("The portal is briefly unavailable", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
            Assert.DoesNotContain(factory.DatabasePath, html, StringComparison.Ordinal);

            // The page's request re-created an empty file at the path: readiness still says no (no migrations).
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/healthz/ready")).StatusCode);
        }
        finally
        {
            // The database comes back (pooled connections to the empty stand-in are dropped, as a restarted database
            // server drops its connections).
            SqliteConnection.ClearAllPools();
            File.Move(away, factory.DatabasePath, overwrite: true);
            SqliteConnection.ClearAllPools();
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/Tta")).StatusCode);
    }

    [Theory]
    [InlineData(DatabaseUnavailableMiddleware.Page)]
    public void The_503_page_stands_alone(string page)
    {
        // No layout, script, style or link that would need the portal (or its database) to answer.
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h1>The portal is briefly unavailable</h1>", page, StringComparison.Ordinal);
    }
}
