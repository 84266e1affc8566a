using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;

namespace PspPortal.Web.Pages.Shared;

/// <summary>Questions about accounts that the user pages share.</summary>
public static class UserQueries
{
    /// <summary>The accounts locked out now. Lockout ends are few and SQLite cannot compare DateTimeOffset values,
    /// so the comparison is made here on the handful of accounts that have one.</summary>
    public static async Task<List<string>> LockedOutUserIdsAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ends = await db.Users.AsNoTracking()
            .Where(u => u.LockoutEnd != null)
            .Select(u => new { u.Id, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return [.. ends.Where(e => e.LockoutEnd > now).Select(e => e.Id)];
    }

    /// <summary>The system role of each of the given accounts (one per account by rule; the first if there are more).</summary>
    public static async Task<Dictionary<string, string>> RolesOfAsync(PortalDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pairs = await (from ur in db.UserRoles.AsNoTracking()
                           join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Select(p => p.Name!).Order(StringComparer.Ordinal).First());
    }
}
