using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Ends the server-side sessions of an account (see <see cref="DatabaseTicketStore"/>): a cookie whose session
/// has ended no longer signs anyone in.</summary>
public sealed class UserSessions(PortalDbContext db) : ISessionTerminator
{
    /// <summary>The claim that carries the key of the session the request belongs to.</summary>
    public const string SessionIdClaimType = "psp:session";

    /// <summary>Ends every session of the user, e.g. when the account is disabled. Returns how many ended.</summary>
    public async Task<int> EndSessionsForUserAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    async Task ISessionTerminator.EndSessionsForUserAsync(string userId, CancellationToken cancellationToken) =>
        await EndSessionsForUserAsync(userId, cancellationToken);

    async Task ISessionTerminator.EndOtherSessionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await EndOtherSessionsAsync(user, cancellationToken);

    /// <summary>Ends every session of the signed-in user except the one of this request, e.g. after a password change.</summary>
    public async Task<int> EndOtherSessionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return 0;
        }

        var current = user.FindFirstValue(SessionIdClaimType);
        return await db.UserSessions.Where(s => s.UserId == userId && s.Id != current).ExecuteDeleteAsync(cancellationToken);
    }
}
