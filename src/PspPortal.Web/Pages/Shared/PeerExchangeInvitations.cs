using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>The peer exchange invitations a person answers: those to the sites on whose team they are a point of
/// contact. The home page lists the open ones; /PeerExchanges/{id} answers one.</summary>
public sealed class PeerExchangeInvitations(PortalDbContext db)
{
    public sealed record Invitation(int Id, string HostSite, string RequestingSite, string CoreArea, string Title, string ReferenceNumber, DateOnly NeededBy, PeerExchangeStatus Status);

    /// <summary>The invitations the user may see and answer, every status, as a query.</summary>
    public IQueryable<PeerExchange> For(string? userId)
    {
        var hostSites = db.SiteTeamMembers.Where(m => m.UserId == userId && userId != null && m.TeamRole == SiteTeamRole.PointOfContact).Select(m => m.SiteId);
        return db.PeerExchanges.Where(p => hostSites.Contains(p.HostSiteId));
    }

    public async Task<IReadOnlyList<Invitation>> OpenForAsync(string? userId, CancellationToken cancellationToken = default) =>
        await For(userId).AsNoTracking().Where(p => p.Status == PeerExchangeStatus.Invited).OrderBy(p => p.InvitedAt)
            .Select(p => new Invitation(p.Id, p.HostSite!.Name + ", " + p.HostSite.State, p.TtaRequest!.Site!.Name + ", " + p.TtaRequest.Site.State,
                p.TtaRequest.CoreArea!.Name, p.TtaRequest.Title, p.TtaRequest.ReferenceNumber, p.TtaRequest.NeededBy, p.Status))
            .ToListAsync(cancellationToken);
}
