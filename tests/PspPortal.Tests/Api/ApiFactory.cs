using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Tests.Security;
using PspPortal.Web.Authorization;

namespace PspPortal.Tests.Api;

/// <summary>A clock that runs with the real one, moved forward by the tests (a token's expiry).</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>The portal for the API's tests: every log event captured (no token may reach one) and a clock the tests
/// can move.</summary>
public class ApiFactory : LogCaptureFactory
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        base.ConfigureMore(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A new token of the demo account, made by the app's own service (the page is tested on its own).</summary>
    public async Task<string> TokenForAsync(string email, int days = 90)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PspPortal.Web.Data.PortalDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var made = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().CreateAsync(userId, "test " + Guid.NewGuid().ToString("N")[..6], days);
        return made.Token;
    }

    /// <summary>A client that sends the token and no cookie.</summary>
    public HttpClient ApiClient(string? token)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiTests : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
