using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Security;

/// <summary>Production behind a reverse proxy: the host names it answers to, the proxies it believes, and plain HTTP.</summary>
public class ProxyAndHostTests(ProductionPortalFactory factory) : IClassFixture<ProductionPortalFactory>
{
    /// <summary>A client whose requests arrive from <paramref name="clientAddress"/> with the given extra headers.</summary>
    private PortalClient Client(string baseAddress, string? clientAddress = null, params (string Name, string Value)[] headers)
    {
        var all = headers.ToList();
        if (clientAddress is not null)
        {
            all.Add((ProductionPortalFactory.ClientAddressHeader, clientAddress));
        }

        return new PortalClient(factory.CreateDefaultClient(new Uri(baseAddress), new CookieContainerHandler(), new HeadersHandler(all)));
    }

    [Fact]
    public async Task A_request_for_a_host_other_than_the_public_one_is_refused_with_400()
    {
        using var foreign = Client("https://evil.example/");
        using var proper = Client(ProductionPortalFactory.PublicAddress);

        Assert.Equal(HttpStatusCode.BadRequest, (await foreign.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await proper.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task Through_a_known_proxy_a_forwarded_https_request_gets_the_sign_in_page_with_secure_host_prefixed_cookies()
    {
        using var proxied = Client($"http://{ProductionPortalFactory.PublicHost}/", ProductionPortalFactory.KnownProxy, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "192.0.2.30"));

        var response = await proxied.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-psp.antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Plain_http_from_anyone_but_a_known_proxy_is_sent_to_the_https_address_or_refused_never_an_error()
    {
        // X-Forwarded-Proto from a client that is not a known proxy is not believed.
        using var direct = Client($"http://{ProductionPortalFactory.PublicHost}/", "198.51.100.23", ("X-Forwarded-Proto", "https"));

        var get = await direct.GetAsync("/Account/Login?returnUrl=%2FTta");
        var post = await direct.PostAsync("/Account/Login", [new("Input.Email", DemoUsers.Poc)]);

        Assert.Equal(HttpStatusCode.PermanentRedirect, get.StatusCode);
        Assert.Equal(ProductionPortalFactory.PublicAddress + "Account/Login?returnUrl=%2FTta", get.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("HTTPS only", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_address_comes_from_X_Forwarded_For_only_through_a_known_proxy()
    {
        using (var proxied = Client(ProductionPortalFactory.PublicAddress, ProductionPortalFactory.KnownProxy, ("X-Forwarded-For", "192.0.2.77")))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await proxied.SignInAsync(DemoUsers.Poc, PortalFactory.DemoPassword)).StatusCode);
        }

        using (var spoofing = Client(ProductionPortalFactory.PublicAddress, "198.51.100.88", ("X-Forwarded-For", "192.0.2.88")))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await spoofing.SignInAsync(DemoUsers.Poc, PortalFactory.DemoPassword)).StatusCode);
        }

        await using var db = factory.CreateDbContext();
        var addresses = await db.AuditEntries.Where(a => a.Action == SecurityActions.SignInSucceeded && a.UserName == DemoUsers.Poc).Select(a => a.IpAddress).ToListAsync();
        Assert.Contains("192.0.2.77", addresses);
        Assert.Contains("198.51.100.88", addresses);
        Assert.DoesNotContain("192.0.2.88", addresses);
        Assert.DoesNotContain(ProductionPortalFactory.KnownProxy, addresses);
    }

    private sealed class HeadersHandler(IReadOnlyList<(string Name, string Value)> headers) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
