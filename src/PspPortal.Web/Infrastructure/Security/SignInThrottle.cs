using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>
/// Slows guessing without refusing people. Every failed sign-in, wrong authentication or recovery code, and wrong
/// current password is remembered for <c>Security:SignInThrottle:Window</c>, both for the account that was tried and
/// for the client address it came from. Past a few free failures, each further failure is answered only after a wait
/// that doubles up to a ceiling. A correct sign-in is never waited on and never refused, so a whole office signing in
/// through one gateway at 9 a.m. is not held up; a successful sign-in forgets the account's failures (the address's
/// failures stay, so an attacker cannot wipe them by signing in to an account of their own).
/// </summary>
/// <remarks>
/// The wait happens while the attempt holds one of the address's few places in the sign-in concurrency limiter
/// (<see cref="AccountSecurityExtensions.SignInRateLimitPolicy"/>), so guesses sent in parallel wait in line instead
/// of waiting side by side. Account lockout (<c>Security:Lockout</c>) still ends guessing on one account. The memory is
/// per instance of the portal: several instances each slow what they see.
/// </remarks>
public sealed class SignInThrottle : IDisposable
{
    /// <summary>The most distinct accounts and addresses remembered at once; the oldest are forgotten first.</summary>
    private const int MaxKeys = 100_000;

    private readonly IOptionsMonitor<AccountSecurityOptions> _options;
    private readonly TimeProvider _clock;
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = MaxKeys });

    public SignInThrottle(IOptionsMonitor<AccountSecurityOptions> options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
    }

    /// <summary>The key under which an account's failures are counted: the email as typed, trimmed and upper-cased,
    /// so that an account that does not exist is counted the same way as one that does.</summary>
    public static string AccountKey(string? email) => "account:" + (email ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>The client address after forwarded headers from known proxies have been applied.</summary>
    public static string AddressKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    /// <summary>Records a failure for the account and the address and waits as long as they have earned; returns the
    /// wait, which the caller may write to the audit trail.</summary>
    public async Task<TimeSpan> SlowFailureAsync(string accountKey, string addressKey, CancellationToken cancellationToken = default)
    {
        var delay = RecordFailure(accountKey, addressKey);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _clock, cancellationToken);
        }

        return delay;
    }

    /// <summary>Records a failure and returns the wait it has earned, without waiting.</summary>
    public TimeSpan RecordFailure(string accountKey, string addressKey)
    {
        ArgumentNullException.ThrowIfNull(accountKey);
        ArgumentNullException.ThrowIfNull(addressKey);
        var settings = _options.CurrentValue.SignInThrottle;
        var now = _clock.GetUtcNow();
        var accountFailures = Log(accountKey, settings.Window).Add(now, settings.Window);
        var addressFailures = Log(addressKey, settings.Window).Add(now, settings.Window);
        var accountDelay = DelayFor(accountFailures, settings.FreeFailuresPerAccount, settings);
        var addressDelay = DelayFor(addressFailures, settings.FreeFailuresPerAddress, settings);
        return accountDelay > addressDelay ? accountDelay : addressDelay;
    }

    /// <summary>Words for the audit trail about a wait, or nothing when there was none.</summary>
    public static string Describe(TimeSpan delay) =>
        delay > TimeSpan.Zero ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" Answer slowed by {delay.TotalMilliseconds:0} ms.") : string.Empty;

    /// <summary>Forgets an account's failures after it has signed in (or re-authenticated) correctly.</summary>
    public void Succeeded(string accountKey) => _failures.Remove(accountKey);

    /// <summary>How many failures are remembered for an account or an address now.</summary>
    public int FailuresOf(string key) =>
        _failures.TryGetValue(key, out FailureLog? log) && log is not null ? log.Count(_clock.GetUtcNow(), _options.CurrentValue.SignInThrottle.Window) : 0;

    /// <summary>The wait for the <paramref name="failures"/>th failure in the window: none for the first
    /// <paramref name="free"/>, then <c>FirstDelay</c>, doubling each time, never more than <c>MaxDelay</c>.</summary>
    public static TimeSpan DelayFor(int failures, int free, AccountSecurityOptions.SignInThrottleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (failures <= free || settings.FirstDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - free - 1, 30);
        var ticks = Math.Min((double)settings.FirstDelay.Ticks * Math.Pow(2, doublings), settings.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private FailureLog Log(string key, TimeSpan window) =>
        _failures.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = window;
            return new FailureLog();
        })!;

    public void Dispose() => _failures.Dispose();

    /// <summary>The times of one key's recent failures.</summary>
    private sealed class FailureLog
    {
        private const int MaxRemembered = 1_000;
        private readonly Queue<DateTimeOffset> _times = new();
        private readonly Lock _lock = new();

        public int Add(DateTimeOffset now, TimeSpan window)
        {
            lock (_lock)
            {
                Forget(now, window);
                _times.Enqueue(now);
                if (_times.Count > MaxRemembered)
                {
                    _times.Dequeue();
                }

                return _times.Count;
            }
        }

        public int Count(DateTimeOffset now, TimeSpan window)
        {
            lock (_lock)
            {
                Forget(now, window);
                return _times.Count;
            }
        }

        private void Forget(DateTimeOffset now, TimeSpan window)
        {
            while (_times.Count > 0 && now - _times.Peek() >= window)
            {
                _times.Dequeue();
            }
        }
    }
}
