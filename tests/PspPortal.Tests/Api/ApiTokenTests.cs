using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Api;

/// <summary>Personal access tokens: made on /Account/Manage and shown once, stored only as a hash, refused with 401
/// once revoked or expired, while the account is disabled, malformed, or when only the session cookie is sent.</summary>
[Collection(ApiTests.Name)]
public class ApiTokenTests(ApiFactory factory)
{
    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static Task<HttpResponseMessage> SitesAsync(HttpClient client) => client.GetAsync(new Uri("/api/v1/sites", UriKind.Relative));

    [Fact]
    public async Task A_token_made_on_the_account_page_is_shown_once_works_and_only_its_hash_is_stored()
    {
        using var browser = await factory.SignInAsync(DemoUsers.Liaison);
        var response = await browser.SubmitFormAsync("/Account/Manage", "#create-token", new Dictionary<string, string>
        {
            ["Token.Name"] = "Monthly report",
            ["Token.LifetimeDays"] = "30",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var page = await PortalClient.ParseAsync(response);
        var token = page.QuerySelector("#new-token")?.TextContent.Trim();
        Assert.NotNull(token);
        Assert.StartsWith("psp_", token, StringComparison.Ordinal);

        // It works, and the next look at the page shows its name and prefix, never the token.
        using (var api = factory.ApiClient(token))
        {
            Assert.Equal(HttpStatusCode.OK, (await SitesAsync(api)).StatusCode);
        }

        var again = await browser.GetAsync("/Account/Manage");
        var html = await again.Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, html, StringComparison.Ordinal);
        Assert.Contains("Monthly report", html, StringComparison.Ordinal);
        Assert.Contains(token[..12], html, StringComparison.Ordinal);
        Assert.Contains("Revoke", html, StringComparison.Ordinal);

        // Nowhere in the database file (its write-ahead log included), the audit trail or any log event.
        using (var db = factory.CreateDbContext())
        {
            var row = await db.PersonalAccessTokens.SingleAsync(t => t.Name == "Monthly report");
            Assert.Equal(PspPortal.Web.Authorization.PersonalAccessTokens.Hash(token), row.TokenHash);
            Assert.Equal(30, (row.ExpiresAt - row.CreatedAt).Days);
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(PersonalAccessToken)).ToListAsync();
            Assert.NotEmpty(audit);
            Assert.All(audit, a => Assert.DoesNotContain(row.TokenHash, a.Changes ?? string.Empty, StringComparison.Ordinal));
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Where(File.Exists))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(token)), $"The token is in {file}.");
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(token[12..])), $"The token's secret part is in {file}.");
        }

        foreach (var logEvent in factory.Events.All)
        {
            var text = logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + string.Join(" ", logEvent.Properties.Select(p => p.Value.ToString()));
            Assert.DoesNotContain(token[12..], text, StringComparison.Ordinal);
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public async Task The_name_is_checked_next_to_the_field_and_nothing_is_made()
    {
        using var browser = await factory.SignInAsync(DemoUsers.Analyst);
        var response = await browser.SubmitFormAsync("/Account/Manage", "#create-token", new Dictionary<string, string>
        {
            ["Token.Name"] = " ",
            ["Token.LifetimeDays"] = "9999",
        });
        var page = await PortalClient.ParseAsync(response);
        Assert.Null(page.QuerySelector("#new-token"));
        Assert.Contains("Enter a name for the token", page.QuerySelector("#create-token")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose how long the token works", page.QuerySelector("#create-token")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_and_only_its_owner_may_revoke_it()
    {
        var token = await factory.TokenForAsync(DemoUsers.Champion);
        using var api = factory.ApiClient(token);
        Assert.Equal(HttpStatusCode.OK, (await SitesAsync(api)).StatusCode);

        int id;
        using (var db = factory.CreateDbContext())
        {
            id = await db.PersonalAccessTokens.Where(t => t.TokenHash == PspPortal.Web.Authorization.PersonalAccessTokens.Hash(token)).Select(t => t.Id).SingleAsync();
        }

        // Another user's revoke of it is "not found" and changes nothing.
        using (var other = await factory.SignInAsync(DemoUsers.Analyst))
        {
            var refused = await other.PostAsync($"/Account/Manage?handler=RevokeToken&tokenId={id}",
                [new("__RequestVerificationToken", await other.AntiforgeryTokenAsync("/Account/Manage"))]);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await SitesAsync(api)).StatusCode);

        using var owner = await factory.SignInAsync(DemoUsers.Champion);
        var revoked = await owner.PostAsync($"/Account/Manage?handler=RevokeToken&tokenId={id}",
            [new("__RequestVerificationToken", await owner.AntiforgeryTokenAsync("/Account/Manage"))]);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        await AssertRefusedAsync(await SitesAsync(api));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = await factory.TokenForAsync(DemoUsers.Analyst, days: 30);
        using var api = factory.ApiClient(token);
        try
        {
            factory.Clock.Offset = TimeSpan.FromDays(29);
            Assert.Equal(HttpStatusCode.OK, (await SitesAsync(api)).StatusCode);
            factory.Clock.Offset = TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1);
            await AssertRefusedAsync(await SitesAsync(api));
        }
        finally
        {
            factory.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_disabled_accounts_token_is_refused_until_it_is_enabled_again()
    {
        var token = await factory.TokenForAsync(DemoUsers.Poc2);
        using var api = factory.ApiClient(token);
        using var db = factory.CreateDbContext();
        try
        {
            await db.Users.Where(u => u.Email == DemoUsers.Poc2).ExecuteUpdateAsync(set => set.SetProperty(u => u.IsDisabled, true));
            await AssertRefusedAsync(await SitesAsync(api));
        }
        finally
        {
            await db.Users.Where(u => u.Email == DemoUsers.Poc2).ExecuteUpdateAsync(set => set.SetProperty(u => u.IsDisabled, false));
        }

        Assert.Equal(HttpStatusCode.OK, (await SitesAsync(api)).StatusCode);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer nonsense")]
    [InlineData("Bearer psp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Bearer psp_<script>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Basic YWRtaW46cGFzc3dvcmQ=")]
    public async Task A_malformed_or_unknown_token_is_refused(string header)
    {
        using var api = factory.ApiClient(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/sites", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", header);
        await AssertRefusedAsync(await api.SendAsync(request));
    }

    [Fact]
    public async Task No_token_at_all_and_a_signed_in_cookie_alone_are_refused()
    {
        using var anonymous = factory.ApiClient(null);
        await AssertRefusedAsync(await SitesAsync(anonymous));

        using var browser = await factory.SignInAsync(DemoUsers.Admin);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Sites")).StatusCode);
        await AssertRefusedAsync(await browser.GetAsync("/api/v1/sites"));
    }
}
