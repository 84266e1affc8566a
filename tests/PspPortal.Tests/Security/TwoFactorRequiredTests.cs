using System.Net;
using Microsoft.AspNetCore.Hosting;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Security;

/// <summary>A portal where BJA staff must use two-factor authentication, as production requires of them.</summary>
public sealed class TwoFactorRequiredFactory : PortalFactory
{
    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Security:RequireTwoFactorForRoles:0", Roles.BjaStaff);
    }
}

public class TwoFactorRequiredTests(TwoFactorRequiredFactory factory) : IClassFixture<TwoFactorRequiredFactory>
{
    [Fact]
    public async Task A_member_of_a_role_that_requires_two_factor_can_reach_nothing_but_its_set_up_until_it_is_on()
    {
        var (_, email) = await Accounts.CreateAsync(factory, Roles.BjaStaff);
        using var client = await factory.SignInAsync(email, Accounts.Password);

        foreach (var url in new[] { "/", "/Sites", "/Cohorts" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/Manage#two-factor", response.Headers.Location!.OriginalString);
        }

        var manage = await client.GetDocumentAsync("/Account/Manage");
        Assert.Contains("Set up two-factor authentication to continue", manage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await Accounts.EnableTwoFactorAsync(client);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        // The role's requirement cannot be switched off by the member.
        Assert.Null((await client.GetDocumentAsync("/Account/Manage")).QuerySelector("#disable-two-factor"));
    }

    [Fact]
    public async Task Other_roles_are_not_held_to_it()
    {
        var (_, email) = await Accounts.CreateAsync(factory, Roles.Liaison);
        using var client = await factory.SignInAsync(email, Accounts.Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
