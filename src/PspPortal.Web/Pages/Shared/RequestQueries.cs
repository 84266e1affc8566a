using LinqKit;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>A request as a list shows it.</summary>
public sealed record RequestRow(
    int Id,
    string ReferenceNumber,
    string Title,
    string SiteName,
    string SiteState,
    string CoreArea,
    TtaStatus Status,
    TtaPriority Priority,
    DateOnly NeededBy,
    DateTime UpdatedAt,
    bool IsOverdue,
    int SiteId)
{
    public string SiteDisplay => $"{SiteName}, {SiteState}";
}

/// <summary>A titled list of requests for the home page or a site page, with a link to the full filtered list.</summary>
public sealed record RequestListModel(string Heading, string Caption, string EmptyText, IReadOnlyList<RequestRow> Rows, int Total, string? MoreUrl, string HeadingId);

/// <summary>The request queries that several pages share: a request as lists show it (/Tta, the home page, a site's
/// page), and the "requests that matter" to a person on their home page and on a site's page. Everything goes through
/// the scope.</summary>
public sealed class RequestQueries(PortalDbContext db, SiteScope siteScope, ServiceClock serviceClock, ProgramFigures figures, TimeProvider time)
{
    public const int HomeLimit = 10;

    public DateOnly Today => serviceClock.DayOf(time.GetUtcNow().UtcDateTime);

    public IQueryable<RequestRow> Rows(IQueryable<TtaRequest> requests)
    {
        var today = Today;
        var overdue = TtaRequest.Overdue.Expression;
        // LinqKit expands the domain's rule into the projection, so the database computes the overdue mark.
        return requests.AsExpandable().Select(r => new RequestRow(
            r.Id, r.ReferenceNumber, r.Title, r.Site!.Name, r.Site.State, r.CoreArea!.Name, r.Status, r.Priority, r.NeededBy, r.UpdatedAt,
            overdue.Invoke(r, today), r.SiteId));
    }

    /// <summary>The requests that matter to this person now, for their home page; null for a role with no requests to follow.</summary>
    public async Task<RequestListModel?> ForHomeAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var requests = db.TtaRequests.AsNoTracking().InScope(scope);
        var today = Today;

        if (user.IsInRole(Roles.Liaison))
        {
            TtaStatus[] waiting = [TtaStatus.Submitted, TtaStatus.InReview, TtaStatus.Approved, TtaStatus.Scheduled, TtaStatus.Delivered];
            return await ListAsync(
                "Requests waiting on you",
                "Requests of your sites that need your review, decision, scheduling, delivery record or closing",
                "No request of your sites is waiting on you.",
                requests.Where(r => waiting.Contains(r.Status)).OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id),
                "/Tta?Sort=Oldest",
                cancellationToken);
        }

        if (user.IsInRole(Roles.SiteContact))
        {
            var open = TtaWorkflow.OpenStatuses.ToList();
            return await ListAsync(
                "Your site's open requests",
                "Open requests of your site; those that need information from you come first",
                "Your site has no open requests.",
                requests.Where(r => open.Contains(r.Status))
                    .OrderByDescending(r => r.Status == TtaStatus.NeedsInfo).ThenByDescending(r => r.UpdatedAt).ThenBy(r => r.Id),
                "/Tta",
                cancellationToken);
        }

        if (user.IsInRole(Roles.BjaStaff))
        {
            return await ListAsync(
                "Overdue requests",
                "Requests past their decision or delivery target, oldest first",
                "No request is past its service target.",
                requests.Where(ServiceClock.OverdueOn(today)).OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id),
                "/Tta?Overdue=true",
                cancellationToken);
        }

        if (user.IsInRole(Roles.Champion) || user.IsInRole(Roles.Analyst))
        {
            var open = TtaWorkflow.OpenStatuses.ToList();
            return await ListAsync(
                "Open requests of your sites",
                "Open requests of the sites you support, most recently changed first",
                "Your sites have no open requests.",
                requests.Where(r => open.Contains(r.Status)).OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id),
                "/Tta",
                cancellationToken);
        }

        return null;
    }

    /// <summary>A site's requests (open ones first) for its page; the site's scope was decided by the page, and the
    /// query goes through InScope like every other, so a site out of scope simply has no rows here.</summary>
    public async Task<RequestListModel?> ForSiteAsync(int siteId, CancellationToken cancellationToken = default)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var final = TtaWorkflow.FinalStatuses.ToList();
        return await ListAsync(
            "TTA requests",
            "This site's TTA requests, open ones first",
            "This site has no TTA requests.",
            db.TtaRequests.AsNoTracking().InScope(scope).Where(r => r.SiteId == siteId)
                .OrderBy(r => final.Contains(r.Status)).ThenByDescending(r => r.UpdatedAt).ThenBy(r => r.Id),
            $"/Tta?Site={siteId}",
            cancellationToken,
            limit: 20);
    }

    private async Task<RequestListModel> ListAsync(
        string heading, string caption, string empty, IQueryable<TtaRequest> requests, string moreUrl, CancellationToken cancellationToken, int limit = HomeLimit)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var key = $"home|{heading}|{moreUrl}|{ProgramFigures.ScopeKey(scope)}|{Today:O}";
        var total = await figures.CountAsync(db, key, requests, cancellationToken);
        // Which rows come first is cached under the stamp (finding them sorts every overdue or open request); the rows
        // are read fresh by id, in the list's own order.
        var ids = await figures.TopIdsAsync(db, key, requests.Select(r => r.Id), limit, cancellationToken);
        var rows = await Rows(requests.Where(r => ids.Contains(r.Id))).ToListAsync(cancellationToken);
        return new RequestListModel(heading, caption, empty, rows, total, total > rows.Count ? moreUrl : null, "tta-requests-heading");
    }
}
