using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Security;

[Collection(PortalTests.Name)]
public class SecurityHeadersTests(PortalFactory factory)
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_security_headers_and_no_server_header(string url)
    {
        using var client = await factory.SignInAsync(DemoUsers.Admin);

        var response = await client.GetAsync(url);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.Contains("default-src 'self'", directives);
        Assert.Matches(@"^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' *$", directives.Single(d => d.StartsWith("script-src", StringComparison.Ordinal)));
        Assert.Contains("style-src 'self'", directives);
        Assert.Contains("img-src 'self' data:", directives);
        Assert.Contains("object-src 'none'", directives);
        Assert.Contains("base-uri 'none'", directives);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("form-action 'self'", directives);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var permissions = Assert.Single(response.Headers.GetValues("Permissions-Policy"));
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_nonce_changes_with_every_request()
    {
        using var client = factory.CreatePortalClient();

        var first = (await client.GetAsync("/Account/Login")).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await client.GetAsync("/Account/Login")).Headers.GetValues("Content-Security-Policy").Single();

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Users/New")]
    [InlineData("/Admin/Audit")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/SetPassword")]
    public async Task Pages_use_no_inline_styles_or_scripts_that_the_policy_would_block(string url)
    {
        using var client = url.StartsWith("/Account/", StringComparison.Ordinal) ? factory.CreatePortalClient() : await factory.SignInAsync(DemoUsers.Admin);

        var page = await client.GetDocumentAsync(url);

        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.DoesNotContain(page.QuerySelectorAll("script:not([src])"), s => s.GetAttribute("nonce") is null);
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public void Kestrel_sends_no_server_header()
    {
        // The in-memory test server never writes a Server header, so the setting itself is checked here.
        var kestrel = (Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>)
            factory.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>))!;

        Assert.False(kestrel.Value.AddServerHeader);
    }

    [Fact]
    public void Production_sends_hsts_for_a_year_with_subdomains()
    {
        var options = factory.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.HttpsPolicy.HstsOptions>))
            as Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.HttpsPolicy.HstsOptions>;

        Assert.Equal(TimeSpan.FromDays(365), options!.Value.MaxAge);
        Assert.True(options.Value.IncludeSubDomains);
    }
}
