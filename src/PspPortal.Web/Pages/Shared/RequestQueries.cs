using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

public enum RequestSort
{
    Updated,
    Oldest,
    NeededBy,
    Reference,
    Site,
    Status,
    Title,
}

/// <summary>The filters of the request list, as they appear in its URL (so a view can be bookmarked and shared).</summary>
public sealed class RequestFilter
{
    public const int MaxTextLength = 200;

    public TtaStatus? Status { get; set; }
    public int? CoreArea { get; set; }
    public int? Site { get; set; }
    public int? Cohort { get; set; }
    public bool Overdue { get; set; }
    public string? Q { get; set; }
    public RequestSort Sort { get; set; }

    /// <summary>The filter as query-string values (defaults left out), for links that keep it.</summary>
    public Dictionary<string, string?> ToRouteValues()
    {
        var values = new Dictionary<string, string?>();
        if (Status is { } status)
        {
            values["Status"] = status.ToString();
        }

        if (CoreArea is { } coreArea)
        {
            values["CoreArea"] = coreArea.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Site is { } site)
        {
            values["Site"] = site.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Cohort is { } cohort)
        {
            values["Cohort"] = cohort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Overdue)
        {
            values["Overdue"] = "true";
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            values["Q"] = Q;
        }

        if (Sort != RequestSort.Updated)
        {
            values["Sort"] = Sort.ToString();
        }

        return values;
    }
}

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
    bool IsOverdue)
{
    public string SiteDisplay => $"{SiteName}, {SiteState}";
}

/// <summary>A titled list of requests for the home page or a site page, with a link to the full filtered list.</summary>
public sealed record RequestListModel(string Heading, string Caption, string EmptyText, IReadOnlyList<RequestRow> Rows, int Total, string? MoreUrl, string HeadingId);

/// <summary>The request queries that several pages share: the filtered list of /Tta and /Tta/Export, and the
/// "requests that matter" to a person on their home page and on a site's page. Everything goes through the scope.</summary>
public sealed class RequestQueries(PortalDbContext db, SiteScope siteScope, ServiceClock serviceClock, TimeProvider time)
{
    public const int HomeLimit = 10;

    public DateOnly Today => serviceClock.DayOf(time.GetUtcNow().UtcDateTime);

    /// <summary>False when the filter names a site or cohort the user cannot see (which the pages answer with 404).
    /// A site or cohort "id" of zero or less is no id at all and is dropped from the filter first.</summary>
    public async Task<bool> AreFiltersInScopeAsync(RequestFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Site = filter.Site is > 0 ? filter.Site : null;
        filter.Cohort = filter.Cohort is > 0 ? filter.Cohort : null;
        return await siteScope.FiltersInScopeAsync(filter.Site, filter.Cohort, cancellationToken);
    }

    /// <summary>The requests in the user's scope that pass the filter, sorted (not paged).</summary>
    public async Task<IQueryable<TtaRequest>> FilteredAsync(RequestFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var query = db.TtaRequests.AsNoTracking().InScope(scope);

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.CoreArea is { } coreArea)
        {
            query = query.Where(r => r.CoreAreaId == coreArea);
        }

        if (filter.Site is { } site)
        {
            query = query.Where(r => r.SiteId == site);
        }

        if (filter.Cohort is { } cohort)
        {
            query = query.Where(r => r.Site!.Engagements.Any(e => e.CohortId == cohort));
        }

        if (filter.Overdue)
        {
            query = query.Where(ServiceClock.OverdueOn(Today));
        }

        var text = filter.Q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(r =>
                EF.Functions.Like(r.ReferenceNumber, pattern, "\\")
                || EF.Functions.Like(r.Title, pattern, "\\")
                || EF.Functions.Like(r.Description, pattern, "\\")
                || EF.Functions.Like(r.DesiredOutcome, pattern, "\\")
                || EF.Functions.Like(r.RequesterName, pattern, "\\")
                || EF.Functions.Like(r.AssignedProvider!, pattern, "\\")
                || EF.Functions.Like(r.Site!.Name, pattern, "\\"));
        }

        return filter.Sort switch
        {
            RequestSort.Oldest => query.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id),
            RequestSort.NeededBy => query.OrderBy(r => r.NeededBy).ThenBy(r => r.Id),
            RequestSort.Reference => query.OrderBy(r => r.ReferenceNumber),
            RequestSort.Site => query.OrderBy(r => r.Site!.Name).ThenBy(r => r.Site!.State).ThenByDescending(r => r.UpdatedAt).ThenBy(r => r.Id),
            RequestSort.Status => query.OrderBy(r => r.Status).ThenByDescending(r => r.UpdatedAt).ThenBy(r => r.Id),
            RequestSort.Title => query.OrderBy(r => r.Title).ThenBy(r => r.Id),
            _ => query.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id),
        };
    }

    public IQueryable<RequestRow> Rows(IQueryable<TtaRequest> requests)
    {
        var today = Today;
        return requests.Select(r => new RequestRow(
            r.Id, r.ReferenceNumber, r.Title, r.Site!.Name, r.Site.State, r.CoreArea!.Name, r.Status, r.Priority, r.NeededBy, r.UpdatedAt,
            // The rule of ServiceClock.OverdueOn, inlined because a projection cannot call an expression.
            (r.FirstDecisionAt == null && r.DecisionDueOn < today && (r.Status == TtaStatus.Submitted || r.Status == TtaStatus.InReview))
            || (r.DeliveredAt == null && r.DeliveryDueOn < today && (r.Status == TtaStatus.Approved || r.Status == TtaStatus.Scheduled))));
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

    /// <summary>A site's requests (open ones first) for its page; null when the site is not in the user's scope.</summary>
    public async Task<RequestListModel?> ForSiteAsync(int siteId, CancellationToken cancellationToken = default)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        if (!scope.Includes(siteId))
        {
            return null;
        }

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
        var total = await requests.CountAsync(cancellationToken);
        var rows = await Rows(requests).Take(limit).ToListAsync(cancellationToken);
        return new RequestListModel(heading, caption, empty, rows, total, total > rows.Count ? moreUrl : null, "tta-requests-heading");
    }
}
