using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Security;

/// <summary>Data Protection keys live in the portal's database, encrypted with a certificate, and a portal started
/// again on the same database (or a second instance) reads what the first one protected.</summary>
[Collection(PortalTests.Name)]
public class DataProtectionTests(PortalFactory factory)
{
    [Fact]
    public async Task Keys_are_stored_encrypted_in_the_database_and_a_restarted_portal_accepts_the_first_one_s_cookies_and_tokens()
    {
        var (_, email) = await Accounts.CreateAsync(factory);
        using var first = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var (antiforgeryCookie, token) = await SignInFormAsync(first);
        var signIn = await PostSignInAsync(first, antiforgeryCookie, token, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = Accounts.SessionCookie(signIn);
        var (laterCookie, laterToken) = await SignInFormAsync(first);

        await using (var db = factory.CreateDbContext())
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }

        // A new host on the same database file: nothing of the first one's memory, only what is in the database.
        using var restarted = factory.WithWebHostBuilder(_ => { });
        using var second = restarted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var manage = new HttpRequestMessage(HttpMethod.Get, new Uri("/Account/Manage", UriKind.Relative));
        manage.Headers.Add("Cookie", session);
        Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(manage)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostSignInAsync(second, laterCookie, laterToken, email)).StatusCode);
    }

    /// <summary>The antiforgery cookie and the form token of the sign-in page.</summary>
    private static async Task<(string Cookie, string Token)> SignInFormAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var cookie = Accounts.SessionCookie(response, "psp.antiforgery");
        var page = await PortalClient.ParseAsync(response);
        return (cookie, ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value);
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string antiforgeryCookie, string token, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = email,
                ["Input.Password"] = Accounts.Password,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        return await client.SendAsync(request);
    }
}
