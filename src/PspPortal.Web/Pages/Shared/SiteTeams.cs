using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>Places on site teams, added and removed from the account page (/Admin/Users/{id}) and the site-team page
/// (/Sites/{id}/Team). A place gives its account the site's scope (<see cref="AccessScope"/>).</summary>
public sealed class SiteTeams(PortalDbContext db)
{
    public static IReadOnlyList<SiteTeamRole> TeamRoles { get; } = Enum.GetValues<SiteTeamRole>();

    /// <returns>false when the account already has that place.</returns>
    public async Task<bool> AddAsync(int siteId, PortalUser account, SiteTeamRole teamRole, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await db.SiteTeamMembers.AnyAsync(m => m.SiteId == siteId && m.UserId == account.Id && m.TeamRole == teamRole, cancellationToken))
        {
            return false;
        }

        db.SiteTeamMembers.Add(new SiteTeamMember
        {
            SiteId = siteId,
            UserId = account.Id,
            FullName = account.FullName,
            Email = account.Email,
            TeamRole = teamRole,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes the place if it is on this site's team.</summary>
    /// <returns>The place removed, or null when the site's team has no such place.</returns>
    public Task<SiteTeamMember?> RemoveFromSiteAsync(int siteId, int? placeId, CancellationToken cancellationToken = default) =>
        RemoveAsync(db.SiteTeamMembers.Where(m => m.Id == placeId && m.SiteId == siteId), cancellationToken);

    /// <summary>Removes the place if it is this account's.</summary>
    /// <returns>The place removed, or null when the account has no such place.</returns>
    public Task<SiteTeamMember?> RemoveFromAccountAsync(string userId, int? placeId, CancellationToken cancellationToken = default) =>
        RemoveAsync(db.SiteTeamMembers.Where(m => m.Id == placeId && m.UserId == userId), cancellationToken);

    private async Task<SiteTeamMember?> RemoveAsync(IQueryable<SiteTeamMember> places, CancellationToken cancellationToken)
    {
        var place = await places.SingleOrDefaultAsync(cancellationToken);
        if (place is not null)
        {
            db.SiteTeamMembers.Remove(place);
            await db.SaveChangesAsync(cancellationToken);
        }

        return place;
    }
}
