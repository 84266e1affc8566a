using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Api;

/// <summary>A portal whose API allows three requests a minute per token, on purpose.</summary>
public sealed class LowLimitApiFactory : ApiFactory
{
    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        base.ConfigureMore(builder);
        // After the base factory's settings, which keep the limit out of every other test's reach.
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?> { ["Api:RequestsPerMinute"] = "3" }));
    }
}

/// <summary>The per-token rate limit: beyond Api:RequestsPerMinute, 429 with Retry-After; another token is not slowed.</summary>
public class ApiRateLimitTests(LowLimitApiFactory factory) : IClassFixture<LowLimitApiFactory>
{
    [Fact]
    public async Task The_fourth_request_of_a_token_in_a_minute_is_429_with_retry_after_and_another_token_goes_on()
    {
        using var first = factory.ApiClient(await factory.TokenForAsync(DemoUsers.Liaison));
        using var second = factory.ApiClient(await factory.TokenForAsync(DemoUsers.Liaison));
        Assert.Equal(3, factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PspPortal.Web.Pages.Api.ApiOptions>>().Value.RequestsPerMinute);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(new Uri("/api/v1/cohorts", UriKind.Relative))).StatusCode);
        }

        var refused = await first.GetAsync(new Uri("/api/v1/cohorts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{refused.Content.Headers.ContentType} {await refused.Content.ReadAsStringAsync()}");
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(new Uri("/api/v1/cohorts", UriKind.Relative))).StatusCode);
    }
}
