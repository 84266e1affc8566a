using System.Net;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;

namespace PspPortal.Tests.Security;

/// <summary>`create-admin` is how an operator takes back an administrator account whose password is lost or known to
/// someone else: run again on an existing account, it sets the new password and ends every session the account had.</summary>
[Collection(PortalTests.Name)]
public class CreateAdminTests(PortalFactory factory)
{
    private const string FirstPassword = "Harbor-lantern-cobalt-91";
    private const string SecondPassword = "Quarry-meadow-tinsel-47";

    [Fact]
    public async Task Running_it_again_sets_the_password_ends_every_session_and_is_audited_without_the_password()
    {
        var email = $"{Guid.NewGuid():N}@agency.example";
        Assert.Empty(await PortalCommands.MakeAdministratorAsync(factory.Services, email, FirstPassword));
        using var earlier = await factory.SignInAsync(email, FirstPassword);
        Assert.Equal(HttpStatusCode.OK, (await earlier.GetAsync("/Admin/Users")).StatusCode);

        Assert.Empty(await PortalCommands.MakeAdministratorAsync(factory.Services, email, SecondPassword));

        var after = await earlier.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var stranger = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await stranger.SignInAsync(email, FirstPassword)).StatusCode);
        using var owner = await factory.SignInAsync(email, SecondPassword);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/Admin/Users")).StatusCode);

        await using var db = factory.CreateDbContext();
        var rows = await db.AuditEntries.Where(a => a.UserName == email && (a.Action == SecurityActions.AccountCreated || a.Action == SecurityActions.PasswordSet))
            .Select(a => a.Action + " " + a.Details + " " + a.Changes).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.DoesNotContain(FirstPassword, r, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain(SecondPassword, r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_weak_password_is_refused_and_the_account_keeps_its_own()
    {
        var email = $"{Guid.NewGuid():N}@agency.example";
        Assert.Empty(await PortalCommands.MakeAdministratorAsync(factory.Services, email, FirstPassword));
        using var session = await factory.SignInAsync(email, FirstPassword);

        Assert.NotEmpty(await PortalCommands.MakeAdministratorAsync(factory.Services, email, "short"));

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Admin/Users")).StatusCode);
        using var again = await factory.SignInAsync(email, FirstPassword);
    }
}
