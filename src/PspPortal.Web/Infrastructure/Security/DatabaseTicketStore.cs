using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>
/// Keeps sign-in sessions in the database (<see cref="UserSession"/>) so that the cookie carries only a session key.
/// A session ends when it is removed here: at sign-out, when its idle or absolute time-out passes, when its account is
/// disabled, and when <see cref="UserSessions"/> ends it. A singleton, like the cookie options that hold it, so every
/// call works in a scope of its own.
/// </summary>
public sealed class DatabaseTicketStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    IOptionsMonitor<AccountSecurityOptions> options,
    TimeProvider clock) : ITicketStore, IDisposable
{
    /// <summary>Writes of "last seen" are skipped when the previous one is this recent, to spare the database.</summary>
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>How many read tickets are kept, and for how long: enough for every session of a busy day.</summary>
    private const int ReadTicketsKept = 10_000;

    private static readonly TimeSpan ReadTicketKeptFor = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("PspPortal.UserSessions.Ticket");

    /// <summary>Tickets already unprotected, by session key, with the stored bytes they came from. The session row is
    /// still read on every request (so a sign-out, a time-out or a disabled account ends the session at once, on every
    /// server); only the decryption and deserialization of bytes seen before are skipped.</summary>
    private readonly MemoryCache _readTickets = new(new MemoryCacheOptions { SizeLimit = ReadTicketsKept });

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A session needs a signed-in user.");
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = Now();
        var settings = options.CurrentValue.Sessions;
        var absolute = now.AddHours(settings.AbsoluteHours);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        // Sessions that timed out without a sign-out are tidied away when their user next signs in.
        await db.UserSessions.Where(s => s.UserId == userId && (s.ExpiresAt <= now || s.AbsoluteExpiresAt <= now)).ExecuteDeleteAsync(cancellationToken);
        db.UserSessions.Add(new UserSession
        {
            Id = key,
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = Min(now.AddMinutes(settings.IdleMinutes), absolute),
            AbsoluteExpiresAt = absolute,
            Ticket = Protect(ticket, key),
            UserAgent = Truncate(httpContext?.Request.Headers.UserAgent.ToString(), 512),
            IpAddress = httpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    /// <summary>Replaces the ticket of a live session (sliding renewal, refreshed sign-in). A session that has ended
    /// stays ended: it is never re-created under its old key.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = Now();
        var idle = TimeSpan.FromMinutes(options.CurrentValue.Sessions.IdleMinutes);
        var protectedTicket = Protect(ticket, key);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == key, cancellationToken);
        if (session is null || !session.IsActiveAt(now))
        {
            return;
        }

        session.Ticket = protectedTicket;
        session.LastSeenAt = now;
        session.ExpiresAt = Min(now.Add(idle), session.AbsoluteExpiresAt);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every signed-in request asks this first: compiled once, so that a request pays for the SQL and not for
    /// translating the LINQ again (docs/performance.md). The header's unread count comes with it, in the same
    /// statement, so that a page does not ask the database a second time.</summary>
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<SessionRow?>> SessionByKey =
        EF.CompileAsyncQuery((PortalDbContext db, string key, CancellationToken _) => db.UserSessions.AsNoTracking()
            .Where(s => s.Id == key)
            .Select(s => new SessionRow(
                s.UserId,
                s.Ticket,
                s.LastSeenAt,
                s.ExpiresAt,
                s.AbsoluteExpiresAt,
                db.Users.Where(u => u.Id == s.UserId).Select(u => u.IsDisabled).FirstOrDefault(),
                db.Notifications.Count(n => n.UserId == s.UserId && n.ReadAt == null)))
            .SingleOrDefault());

    private sealed record SessionRow(string UserId, byte[] Ticket, DateTime LastSeenAt, DateTime ExpiresAt, DateTime AbsoluteExpiresAt, bool AccountDisabled, int UnreadNotifications);

    private sealed record ReadTicket(byte[] Stored, AuthenticationTicket Ticket);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    /// <summary>The ticket of a live session of an account that may sign in; otherwise the session is removed and
    /// the request is anonymous. The user's unread notifications, read in the same statement, are left on the request
    /// (<see cref="UnreadNotificationsAtSessionRead"/>).</summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var now = Now();
        var idle = TimeSpan.FromMinutes(options.CurrentValue.Sessions.IdleMinutes);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var session = await SessionByKey(db, key, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var ticket = now < session.ExpiresAt && now < session.AbsoluteExpiresAt && !session.AccountDisabled
            ? Read(key, session.Ticket)
            : null;
        if (ticket is null)
        {
            _readTickets.Remove(key);
            await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        httpContext?.Features.Set(new UnreadNotificationsAtSessionRead(session.UserId, session.UnreadNotifications));

        if (now - session.LastSeenAt >= SeenResolution)
        {
            var expiresAt = Min(now.Add(idle), session.AbsoluteExpiresAt);
            await db.UserSessions.Where(s => s.Id == key)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, now).SetProperty(s => s.ExpiresAt, expiresAt), cancellationToken);
        }

        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _readTickets.Remove(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Serializes the ticket with the session key as a claim, so that a page can tell which session it is
    /// in (to end the others at a password change).</summary>
    private byte[] Protect(AuthenticationTicket ticket, string key)
    {
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(UserSessions.SessionIdClaimType).ToList())
            {
                identity.RemoveClaim(old);
            }

            identity.AddClaim(new Claim(UserSessions.SessionIdClaimType, key));
        }

        return _protector.Protect(TicketSerializer.Default.Serialize(ticket));
    }

    /// <summary>The ticket in <paramref name="stored"/>: a copy of the one read before when the bytes are the same,
    /// otherwise unprotected now (and kept). A copy, because the request may add to its principal.</summary>
    private AuthenticationTicket? Read(string key, byte[] stored)
    {
        if (_readTickets.TryGetValue(key, out ReadTicket? read) && read is not null && read.Stored.AsSpan().SequenceEqual(stored))
        {
            return read.Ticket.Clone();
        }

        var ticket = Unprotect(stored);
        if (ticket is not null)
        {
            _readTickets.Set(key, new ReadTicket(stored, ticket.Clone()), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = ReadTicketKeptFor });
        }

        return ticket;
    }

    private AuthenticationTicket? Unprotect(byte[] data)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(data));
        }
        catch (CryptographicException)
        {
            // The Data Protection keys changed: the session cannot be read, so it has ended.
            return null;
        }
    }

    public void Dispose() => _readTickets.Dispose();

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}

/// <summary>The signed-in user's unread notifications, counted by the session read at the start of the request
/// (<see cref="DatabaseTicketStore"/>). True for the page a GET shows, as no GET marks a notification read or tells its
/// own user of anything; a POST that renders counts again.</summary>
public sealed record UnreadNotificationsAtSessionRead(string UserId, int Count);

/// <summary>Puts <see cref="DatabaseTicketStore"/> into the options of Identity's application cookie, once DI can
/// build it.</summary>
internal sealed class UseDatabaseTicketStore(DatabaseTicketStore store) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name == IdentityConstants.ApplicationScheme)
        {
            options.SessionStore = store;
        }
    }
}
