using System.Globalization;
using Microsoft.EntityFrameworkCore;
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

/// <summary>The filter of the request list (/Tta), its export (/Tta/Export) and the API's /api/v1/requests, bound from the query string
/// (<c>[FromQuery]</c>) with the names of the list's form fields, so that a view can be bookmarked and shared. A value
/// that cannot be read is left unbound, so a hostile or stale query string falls back to the defaults.</summary>
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

    /// <summary>Drops what is no filter: a site or cohort "id" of zero or less, text beyond <see cref="MaxTextLength"/>.</summary>
    public void Normalize()
    {
        Site = Site is > 0 ? Site : null;
        Cohort = Cohort is > 0 ? Cohort : null;
        if (Q is { Length: > MaxTextLength } q)
        {
            Q = q[..MaxTextLength];
        }
    }

    /// <summary>The filter as query-string values (defaults left out), for links that keep it.</summary>
    public Dictionary<string, string?> ToQuery()
    {
        var values = new Dictionary<string, string?>();
        if (Status is { } status)
        {
            values["Status"] = status.ToString();
        }

        if (CoreArea is { } coreArea)
        {
            values["CoreArea"] = coreArea.ToString(CultureInfo.InvariantCulture);
        }

        if (Site is { } site)
        {
            values["Site"] = site.ToString(CultureInfo.InvariantCulture);
        }

        if (Cohort is { } cohort)
        {
            values["Cohort"] = cohort.ToString(CultureInfo.InvariantCulture);
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

    /// <summary>The requests that pass the filter, sorted (not paged). <paramref name="requests"/> is already in scope.</summary>
    public IQueryable<TtaRequest> Apply(IQueryable<TtaRequest> requests, DateOnly today) => Sorted(Where(requests, today));

    /// <summary>The requests that pass the filter, unsorted: the API pages them by id (<c>Pages/Api</c>).
    /// <paramref name="requests"/> is already in scope.</summary>
    public IQueryable<TtaRequest> Where(IQueryable<TtaRequest> requests, DateOnly today)
    {
        var query = requests;
        if (Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (CoreArea is { } coreArea)
        {
            query = query.Where(r => r.CoreAreaId == coreArea);
        }

        if (Site is { } site)
        {
            query = query.Where(r => r.SiteId == site);
        }

        if (Cohort is { } cohort)
        {
            query = query.Where(r => r.Site!.Engagements.Any(e => e.CohortId == cohort));
        }

        if (Overdue)
        {
            query = query.Where(ServiceClock.OverdueOn(today));
        }

        var text = Q?.Trim();
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

        return query;
    }

    private IQueryable<TtaRequest> Sorted(IQueryable<TtaRequest> query)
    {
        return Sort switch
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
}
