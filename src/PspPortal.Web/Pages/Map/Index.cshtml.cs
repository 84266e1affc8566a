using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Map;

/// <summary>/Map: every PSP site on a map of the United States, marked by its current cohort and status, filtered by
/// cohort and status, with the same facts as a table. Every site is shown (the program's map is public knowledge);
/// only the sites in the user's scope link to their pages (docs/adr/0012).</summary>
public class IndexModel(PortalDbContext db, SiteScope siteScope) : PageModel
{
    [FromQuery]
    public int? Cohort { get; set; }

    [FromQuery]
    public EngagementStatus? Status { get; set; }

    public IReadOnlyList<MapSvg.Marker> Markers { get; private set; } = [];
    public IReadOnlyList<Choice> Cohorts { get; private set; } = [];
    public string Svg { get; private set; } = string.Empty;
    public string Source => UsMap.Instance.Source;
    public bool IsFiltered => Cohort is not null || Status is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Cohort = Cohort is > 0 ? Cohort : null;
        Status = Status is { } s && Enum.IsDefined(s) ? s : null;
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var sites = db.Sites.AsNoTracking();
        if (Cohort is { } cohort)
        {
            sites = sites.Where(s => s.Engagements.Any(e => e.CohortId == cohort));
        }

        var rows = await sites
            .Select(s => new
            {
                s.Id, s.Name, s.State, s.Latitude, s.Longitude,
                Current = s.Engagements.OrderByDescending(e => e.StartDate).Select(e => new { Cohort = e.Cohort!.Name, e.Cohort.Year, e.Status }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        Markers = [.. rows.Where(r => r.Current is not null && (Status is null || r.Current.Status == Status))
            .Select(r => new MapSvg.Marker(r.Id, r.Name, r.State, r.Latitude, r.Longitude, r.Current!.Cohort, r.Current.Year, r.Current.Status, scope.Includes(r.Id)))
            .OrderBy(m => m.State, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)];
        Cohorts = await db.Cohorts.AsNoTracking().OrderBy(c => c.Year).ThenBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken);
        var linked = Markers.Count(m => m.Linked);
        Svg = MapSvg.Render(UsMap.Instance, Markers,
            $"{Markers.Count} PSP sites placed by their coordinates on a map of the United States, with Alaska, Hawaii and Puerto Rico in insets at the lower left and right. " +
            $"Each marker's shape shows the status of the site's current engagement and its label the last two digits of its cohort's year. {linked} of them are your sites and link to their pages. The table below lists the same sites.");
    }
}
