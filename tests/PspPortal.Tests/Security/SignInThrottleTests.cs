using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure.Security;

namespace PspPortal.Tests.Security;

/// <summary>A portal whose every request comes from one office gateway (203.0.113.7), with the default sign-in
/// throttle except for waits in milliseconds instead of seconds, so that the test shows the slowing without sitting
/// through it.</summary>
public sealed class OneGatewayFactory : PortalFactory
{
    public static readonly IPAddress Gateway = IPAddress.Parse("203.0.113.7");

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Security:SignInThrottle:FirstDelay", "00:00:00.001");
        builder.UseSetting("Security:SignInThrottle:MaxDelay", "00:00:00.016");
        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new RemoteAddress(Gateway)));
    }
}

public class SignInThrottleTests(OneGatewayFactory factory) : IClassFixture<OneGatewayFactory>
{
    [Fact]
    public async Task Fifty_people_sign_in_correctly_from_one_address_and_forty_wrong_passwords_from_it_are_slowed()
    {
        var started = DateTime.UtcNow.AddSeconds(-1);
        var people = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            people.Add((await Accounts.CreateAsync(factory, i % 2 == 0 ? Roles.Liaison : Roles.Analyst)).Email);
        }

        // The office arrives at 9 a.m.: everyone signs in, one after another, well within a minute.
        foreach (var email in people)
        {
            using var person = factory.CreatePortalClient();
            var response = await person.SignInAsync(email, Accounts.Password);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{email} was answered {(int)response.StatusCode}");
            Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/")).StatusCode);
        }

        // Someone at the same gateway guesses: one password for each of forty accounts, so no lockout stops it.
        using var guesser = factory.CreatePortalClient();
        foreach (var email in people.Take(40))
        {
            Assert.Equal(HttpStatusCode.OK, (await guesser.SignInAsync(email, "Summer2026!Summer2026!")).StatusCode);
        }

        // And a late colleague at that gateway still gets in.
        using (var late = factory.CreatePortalClient())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await late.SignInAsync(people[^1], Accounts.Password)).StatusCode);
        }

        var throttle = factory.Services.GetRequiredService<SignInThrottle>();
        Assert.Equal(40, throttle.FailuresOf("address:" + OneGatewayFactory.Gateway));
        await using var db = factory.CreateDbContext();
        var events = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Kind == AuditKinds.Security && a.OccurredAt >= started && a.IpAddress == OneGatewayFactory.Gateway.ToString())
            .OrderBy(a => a.Id).ToListAsync();
        var successes = events.Where(e => e.Action == SecurityActions.SignInSucceeded).ToList();
        Assert.Equal(51, successes.Count);
        Assert.All(successes, e => Assert.DoesNotContain("slowed", e.Details ?? string.Empty, StringComparison.Ordinal));

        var failures = events.Where(e => e.Action == SecurityActions.SignInFailed).Select(e => e.Details ?? string.Empty).ToList();
        Assert.Equal(40, failures.Count);
        var settings = new AccountSecurityOptions().SignInThrottle;
        Assert.All(failures.Take(settings.FreeFailuresPerAddress), d => Assert.DoesNotContain("slowed", d, StringComparison.Ordinal));
        var waits = failures.Skip(settings.FreeFailuresPerAddress).Select(SlowedBy).ToList();
        Assert.Equal([1, 2, 4, 8, 16, 16], waits.Take(6));
        Assert.All(waits.Skip(4), w => Assert.Equal(16, w));
    }

    private static int SlowedBy(string details)
    {
        var match = System.Text.RegularExpressions.Regex.Match(details, @"Answer slowed by (\d+) ms\.");
        Assert.True(match.Success, $"Not slowed: {details}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}

[Collection(PortalTests.Name)]
public class SignInThrottleAccountTests(PortalFactory factory)
{
    [Fact]
    public async Task Failures_on_one_account_are_counted_and_a_correct_sign_in_forgets_them()
    {
        var (_, email) = await Accounts.CreateAsync(factory);
        using var client = factory.CreatePortalClient();
        for (var i = 0; i < 4; i++)
        {
            await client.SignInAsync(email, "not the password at all");
        }

        var throttle = factory.Services.GetRequiredService<SignInThrottle>();
        Assert.Equal(4, throttle.FailuresOf(SignInThrottle.AccountKey(email)));
        // Signing in correctly forgets the account's failures.
        using var person = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await person.SignInAsync(email, Accounts.Password)).StatusCode);
        Assert.Equal(0, throttle.FailuresOf(SignInThrottle.AccountKey(email)));
    }

}

/// <summary>The sign-in throttle's arithmetic with the shipped defaults, on a clock the test moves.</summary>
public class SignInThrottleRuleTests
{
    private static readonly AccountSecurityOptions Defaults = new();

    [Fact]
    public void With_the_defaults_an_address_has_ten_free_failures_then_waits_from_one_second_doubling_to_twenty()
    {
        var settings = Defaults.SignInThrottle;
        var waits = Enumerable.Range(1, 20).Select(n => SignInThrottle.DelayFor(n, settings.FreeFailuresPerAddress, settings).TotalSeconds).ToList();

        Assert.All(waits.Take(10), w => Assert.Equal(0, w));
        Assert.Equal([1, 2, 4, 8, 16, 20, 20], waits.Skip(10).Take(7));
    }

    [Fact]
    public void Failures_older_than_the_window_are_forgotten_and_a_success_forgets_the_account_but_not_the_address()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var throttle = new SignInThrottle(new StaticOptions(Defaults), clock);
        var account = SignInThrottle.AccountKey("Someone@PSP.example ");
        const string address = "address:198.51.100.9";

        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure(account, address);
        }

        Assert.Equal(4, throttle.FailuresOf(SignInThrottle.AccountKey("someone@psp.example")));
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.RecordFailure(account, address));

        throttle.Succeeded(account);
        Assert.Equal(0, throttle.FailuresOf(account));
        Assert.Equal(5, throttle.FailuresOf(address));

        clock.Now += Defaults.SignInThrottle.Window;
        Assert.Equal(0, throttle.FailuresOf(address));
        Assert.Equal(TimeSpan.Zero, throttle.RecordFailure(account, address));
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class StaticOptions(AccountSecurityOptions value) : IOptionsMonitor<AccountSecurityOptions>
    {
        public AccountSecurityOptions CurrentValue => value;

        public AccountSecurityOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AccountSecurityOptions, string?> listener) => null;
    }
}

/// <summary>A portal that checks one sign-in at a time per address, lets none wait, and holds every failure 10 s.</summary>
public sealed class SingleFileFactory : PortalFactory
{
    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Security:SignInThrottle:FreeFailuresPerAccount", "0");
        builder.UseSetting("Security:SignInThrottle:FreeFailuresPerAddress", "0");
        builder.UseSetting("Security:SignInThrottle:FirstDelay", "00:00:10");
        builder.UseSetting("Security:SignInThrottle:MaxDelay", "00:00:10");
        builder.UseSetting("Security:SignInThrottle:ConcurrentAttemptsPerAddress", "1");
        builder.UseSetting("Security:SignInThrottle:QueuedAttemptsPerAddress", "0");
    }
}

public class SignInConcurrencyTests(SingleFileFactory factory) : IClassFixture<SingleFileFactory>
{
    [Fact]
    public async Task A_slowed_failure_keeps_its_place_so_a_guess_sent_alongside_it_cannot_skip_the_wait()
    {
        using var first = factory.CreatePortalClient();
        using var second = factory.CreatePortalClient();
        var firstToken = await first.AntiforgeryTokenAsync("/Account/Login");
        var secondToken = await second.AntiforgeryTokenAsync("/Account/Login");
        var throttle = factory.Services.GetRequiredService<SignInThrottle>();
        using var cancel = new CancellationTokenSource();

        var slowed = first.Http.PostAsync(new Uri("/Account/Login", UriKind.Relative), Form(firstToken, "first-guess@psp.example"), cancel.Token);
        // The first guess has been checked and is now waiting out its delay, holding the address's only place.
        while (throttle.FailuresOf(SignInThrottle.AccountKey("first-guess@psp.example")) == 0)
        {
            Assert.False(slowed.IsCompleted, "The first guess was answered without waiting.");
            await Task.Delay(20);
        }

        var alongside = await second.Http.PostAsync(new Uri("/Account/Login", UriKind.Relative), Form(secondToken, "second-guess@psp.example"));

        Assert.Equal(HttpStatusCode.TooManyRequests, alongside.StatusCode);
        Assert.Contains("Too many sign-in attempts", await alongside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(alongside.Headers.Contains("Retry-After"));
        Assert.Equal(0, throttle.FailuresOf(SignInThrottle.AccountKey("second-guess@psp.example")));
        Assert.False(slowed.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slowed);
    }

    private static FormUrlEncodedContent Form(string token, string email) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["Input.Email"] = email,
        ["Input.Password"] = "a guess at somebody's password",
    });
}
