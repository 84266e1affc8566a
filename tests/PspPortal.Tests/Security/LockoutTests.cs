using System.Net;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Pages.Account;

namespace PspPortal.Tests.Security;

[Collection(PortalTests.Name)]
public class LockoutTests(PortalFactory factory)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_password_is_refused()
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        using (var first = await factory.SignInAsync(email, Accounts.Password))
        {
            // The account works before the failures.
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/")).StatusCode);
        }

        using var client = factory.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(email, "wrong horse battery staple")).StatusCode);
        }

        var refused = await client.SignInAsync(email, Accounts.Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains(LoginModel.RefusedMessage, page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("locked", page.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        await using var db = factory.CreateDbContext();
        var lockoutEnd = await db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync();
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14), $"locked until {lockoutEnd}");
    }
}
