using System.Linq.Expressions;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>Who may see a toolkit: its owner, the people it is shared with by name, and the people with an account on
/// the team of a site it is shared with. Nobody else, whatever their role: a toolkit anyone else asks for answers 404.</summary>
public static class ToolkitAccess
{
    public static IQueryable<Toolkit> VisibleTo(this IQueryable<Toolkit> toolkits, PortalDbContext db, string? userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (userId is null)
        {
            return toolkits.Where(t => false);
        }

        var teamSites = db.SiteTeamMembers.Where(m => m.UserId == userId).Select(m => m.SiteId);
        return toolkits.Where(t => t.OwnerId == userId
            || t.Shares.Any(s => s.UserId == userId || (s.SiteId != null && teamSites.Contains(s.SiteId.Value))));
    }

    /// <summary>The toolkits shared with the user (not their own).</summary>
    public static Expression<Func<Toolkit, bool>> SharedWith(PortalDbContext db, string userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var teamSites = db.SiteTeamMembers.Where(m => m.UserId == userId).Select(m => m.SiteId);
        return t => t.OwnerId != userId && t.Shares.Any(s => s.UserId == userId || (s.SiteId != null && teamSites.Contains(s.SiteId.Value)));
    }
}
