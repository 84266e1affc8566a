using System.Security.Claims;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Writes security events (sign-in, lockout, access denied, account changes) to the audit trail.</summary>
public sealed class SecurityAuditor(PortalDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider clock)
{
    /// <summary>Records an event about the account <paramref name="userId"/>/<paramref name="userName"/>; when they are
    /// not given, the signed-in user of the request is the one recorded.</summary>
    public async Task RecordAsync(string action, string? userId = null, string? userName = null, string? details = null, CancellationToken cancellationToken = default)
    {
        var http = httpContextAccessor.HttpContext;
        if (userId is null && userName is null && http?.User.Identity?.IsAuthenticated == true)
        {
            userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
            userName = http.User.Identity.Name;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            UserName = Truncate(userName, 256),
            Kind = AuditKinds.Security,
            Action = action,
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            Details = Truncate(details, 2000),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? value, int length) =>
        value is null || value.Length <= length ? value : value[..length];
}
