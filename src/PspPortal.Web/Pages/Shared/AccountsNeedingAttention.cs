using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>The Administrator's home: accounts locked out, disabled, never signed in, or with a role that sees
/// sites by team place but no team place. Shown by Pages/Shared/_AccountsNeedingAttention.cshtml.</summary>
public sealed class AccountsNeedingAttentionQuery(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The most accounts listed under each reason.</summary>
    public const int Limit = 20;

    public sealed record Row(string Id, string FullName, string? Email);

    public sealed record Result(IReadOnlyList<Row> LockedOut, IReadOnlyList<Row> Disabled, IReadOnlyList<Row> NeverSignedIn, IReadOnlyList<Row> NoTeamPlace)
    {
        public bool Any => LockedOut.Count + Disabled.Count + NeverSignedIn.Count + NoTeamPlace.Count > 0;
    }

    public async Task<Result> RunAsync(CancellationToken cancellationToken = default)
    {
        var locked = await UserQueries.LockedOutUserIdsAsync(db, clock.GetUtcNow(), cancellationToken);
        var users = db.Users.AsNoTracking();
        string[] scopedRoles = [Roles.Champion, Roles.Liaison, Roles.Analyst, Roles.SiteContact];
        var scopedUsers = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where scopedRoles.Contains(r.Name) select ur.UserId;

        return new Result(
            await ListAsync(users.Where(u => locked.Contains(u.Id)), cancellationToken),
            await ListAsync(users.Where(u => u.IsDisabled), cancellationToken),
            await ListAsync(users.Where(u => !u.IsDisabled && u.LastSignInAt == null), cancellationToken),
            await ListAsync(users.Where(u => !u.IsDisabled && scopedUsers.Contains(u.Id) && !db.SiteTeamMembers.Any(m => m.UserId == u.Id)), cancellationToken));
    }

    private static async Task<IReadOnlyList<Row>> ListAsync(IQueryable<PortalUser> users, CancellationToken cancellationToken) =>
        await users.OrderBy(u => u.FullName).Take(Limit).Select(u => new Row(u.Id, u.FullName, u.Email)).ToListAsync(cancellationToken);
}
