using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Security;

/// <summary>Accounts made by a test for itself (so that locking, disabling or changing them touches no other test),
/// and the steps of two-factor sign-in done as a person does them.</summary>
internal static class Accounts
{
    public const string Password = "lantern quiver harbour meadow";

    public static async Task<(string Id, string Email)> CreateAsync(PortalFactory factory, string role = Roles.Liaison, string password = Password)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"t{Guid.NewGuid():N}@psp.example";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Test Person", CreatedAt = DateTime.UtcNow };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return (user.Id, email);
    }

    /// <summary>The <c>name=value</c> of the session cookie set by a response, as a browser would send it back.</summary>
    public static string SessionCookie(HttpResponseMessage response, string name = "psp.session")
    {
        var header = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));
        return header.Split(';')[0];
    }

    /// <summary>A client that carries only the given cookie, like a thief who copied it.</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(PortalFactory factory, string cookie, string url = "/")
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>The code an authenticator app shows for the key, <paramref name="stepsAhead"/> 30-second steps from now.</summary>
    public static string Code(string key, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal))).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    /// <summary>Turns on two-factor authentication from /Account/Manage as the user does; returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(PortalClient client)
    {
        var manage = await client.GetDocumentAsync("/Account/Manage");
        var key = manage.QuerySelector("#authenticator-key")!.TextContent.Trim();
        var response = await client.SubmitFormAsync("/Account/Manage", "#enable-two-factor", new Dictionary<string, string> { ["TwoFactor.Code"] = Code(key) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var codes = page.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>Signs in with the password and lands on the two-factor step.</summary>
    public static async Task<PortalClient> PasswordStepAsync(PortalFactory factory, string email)
    {
        var client = factory.CreatePortalClient();
        var response = await client.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return client;
    }

    public static string ErrorText(IDocument page, string id) => page.QuerySelector($"#{id}")?.TextContent ?? string.Empty;

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
