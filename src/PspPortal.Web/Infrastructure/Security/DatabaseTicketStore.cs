using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
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
    TimeProvider clock) : ITicketStore
{
    /// <summary>Writes of "last seen" are skipped when the previous one is this recent, to spare the database.</summary>
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("PspPortal.UserSessions.Ticket");

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
    /// translating the LINQ again (docs/performance.md).</summary>
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<SessionRow?>> SessionByKey =
        EF.CompileAsyncQuery((PortalDbContext db, string key, CancellationToken _) => db.UserSessions.AsNoTracking()
            .Where(s => s.Id == key)
            .Select(s => new SessionRow(
                s.Ticket,
                s.LastSeenAt,
                s.ExpiresAt,
                s.AbsoluteExpiresAt,
                db.Users.Where(u => u.Id == s.UserId).Select(u => u.IsDisabled).FirstOrDefault()))
            .SingleOrDefault());

    private sealed record SessionRow(byte[] Ticket, DateTime LastSeenAt, DateTime ExpiresAt, DateTime AbsoluteExpiresAt, bool AccountDisabled);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    /// <summary>The ticket of a live session of an account that may sign in; otherwise the session is removed and
    /// the request is anonymous.</summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
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
            ? Unprotect(session.Ticket)
            : null;
        if (ticket is null)
        {
            await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

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

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}

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
