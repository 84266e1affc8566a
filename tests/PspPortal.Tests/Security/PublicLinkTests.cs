using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Security;

/// <summary>The portal in Development with its public address set, as a deployment sets it.</summary>
public sealed class PublicAddressFactory : PortalFactory
{
    public const string PublicAddress = "https://portal.psp.example/";

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("App:BaseUrl", PublicAddress);
    }
}

/// <summary>Absolute links come from App:BaseUrl, never from the Host header that the client sends: every request
/// here says <c>Host: evil.example</c> (Development does not filter hosts, so the page answers).</summary>
public class PublicLinkTests(PublicAddressFactory factory) : IClassFixture<PublicAddressFactory>
{
    private const string ForeignHost = "evil.example";

    private PortalClient ForeignHostClient() => new(factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri($"http://{ForeignHost}"),
    }));

    private async Task<PortalClient> SignInAsync(string email)
    {
        var client = ForeignHostClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, PortalFactory.DemoPassword)).StatusCode);
        return client;
    }

    [Fact]
    public async Task Calendar_feed_links_and_the_links_inside_the_feed_use_the_public_address()
    {
        using var poc = await SignInAsync(DemoUsers.Poc);

        var created = await poc.SubmitFormAsync("/Milestones", "form[action*='handler=CreateFeed']", new Dictionary<string, string>());

        var link = (await PortalClient.ParseAsync(created)).QuerySelector<IHtmlInputElement>("#feed-url")!.Value;
        Assert.StartsWith(PublicAddressFactory.PublicAddress + "Calendar/", link, StringComparison.Ordinal);
        Assert.DoesNotContain(ForeignHost, link, StringComparison.OrdinalIgnoreCase);

        using var calendar = ForeignHostClient();
        var response = await calendar.GetAsync(new Uri(link).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ics = await response.Content.ReadAsStringAsync();
        var feed = Ical.Net.Calendar.Load(ics)!;
        Assert.NotEmpty(feed.Events);
        Assert.All(feed.Events, e => Assert.StartsWith(PublicAddressFactory.PublicAddress + "Milestones/", e.Url!.AbsoluteUri, StringComparison.Ordinal));
        Assert.All(feed.Events, e => Assert.Contains(PublicAddressFactory.PublicAddress + "Milestones/", e.Description, StringComparison.Ordinal));
        // Long lines are folded in iCalendar: unfold before looking for the foreign host anywhere in the feed.
        Assert.DoesNotContain(ForeignHost, ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Set_password_links_shown_to_an_administrator_use_the_public_address()
    {
        using var admin = await SignInAsync(DemoUsers.Admin);

        var created = await PortalClient.ParseAsync(await admin.SubmitFormAsync("/Admin/Users/New", "main form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Linked Person",
            ["Input.Email"] = $"{Guid.NewGuid():N}@psp.example",
            ["Input.Role"] = Roles.SiteContact,
        }));
        var accountPage = created.QuerySelector("a[href^='/Admin/Users/']:not([href='/Admin/Users/New'])")!.GetAttribute("href")!;
        var reissued = await PortalClient.ParseAsync(await admin.SubmitFormAsync(accountPage, "#link-form", new Dictionary<string, string>()));

        foreach (var link in new[] { created, reissued }.Select(page => page.QuerySelector<IHtmlInputElement>("#set-password-link")!.Value))
        {
            Assert.StartsWith(PublicAddressFactory.PublicAddress + "Account/SetPassword?userId=", link, StringComparison.Ordinal);
            Assert.Contains("&code=", link, StringComparison.Ordinal);
            Assert.DoesNotContain(ForeignHost, link, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Sign_in_and_access_denied_redirects_use_the_public_address()
    {
        using var anonymous = ForeignHostClient();
        using var liaison = await SignInAsync(DemoUsers.Liaison);

        var toSignIn = await anonymous.GetAsync("/Milestones");
        var toDenied = await liaison.GetAsync("/Admin/Audit");

        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.Equal(PublicAddressFactory.PublicAddress + "Account/Login?ReturnUrl=%2FMilestones", toSignIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, toDenied.StatusCode);
        Assert.StartsWith(PublicAddressFactory.PublicAddress + "Account/AccessDenied?ReturnUrl=", toDenied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
