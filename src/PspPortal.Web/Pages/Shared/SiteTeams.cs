using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>Adding an account to a site's team, shared by the account page and the site-team page.</summary>
public static class SiteTeams
{
    /// <returns>false when the account already has that place.</returns>
    public static async Task<bool> AddAsync(PortalDbContext db, int siteId, PortalUser account, SiteTeamRole teamRole, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
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

    public static IReadOnlyList<SiteTeamRole> TeamRoles { get; } = Enum.GetValues<SiteTeamRole>();
}
