using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Resources;

/// <summary>/Resources, the Public Safety Clearinghouse: full-text search ranked by relevance, filters by core area,
/// type and agency size, all in the URL, paged.</summary>
public class IndexModel(PortalDbContext db, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 20;

    [FromQuery]
    public ResourceFilter Filter { get; set; } = new();

    [FromQuery]
    public int PageNumber { get; set; } = 1;

    public sealed record Row(int Id, string Title, string Summary, ResourceType Type, DateOnly PublishedOn, bool IsRetired, IReadOnlyList<string> CoreAreas, IReadOnlyList<AgencySize> Sizes);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public PagerModel Pager { get; private set; } = null!;
    public IReadOnlyList<Choice> CoreAreas { get; private set; } = [];
    public bool MayCurate { get; private set; }

    /// <summary>The text had words to search (so the list is ranked by relevance).</summary>
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        MayCurate = (await authorization.AuthorizeAsync(User, Policies.CurateResources)).Succeeded;
        Filter.Normalize(MayCurate);
        var filtered = Filter.Apply(db.Resources.AsNoTracking());

        IQueryable<Resource> ordered;
        if (ResourceSearch.Hits(db, Filter.Q) is { } hits)
        {
            Searched = true;
            ordered = filtered.Join(hits, r => r.Id, h => h.Id, (r, h) => new { r, h.Rank })
                .OrderBy(x => x.Rank).ThenByDescending(x => x.r.PublishedOn).ThenBy(x => x.r.Id).Select(x => x.r);
        }
        else
        {
            ordered = filtered.OrderByDescending(r => r.PublishedOn).ThenBy(r => r.Title).ThenBy(r => r.Id);
        }

        Total = await ordered.CountAsync(cancellationToken);
        Pager = new PagerModel(PageNumber, Total, PageSize, "/Resources", Filter.ToQuery(), "Pages of resources", nameof(PageNumber));
        // The page's ids in rank order first (a keyless search hit cannot carry the collections), then their rows.
        var ids = await ordered.Select(r => r.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync(cancellationToken);
        var rows = await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new Row(r.Id, r.Title, r.Summary, r.Type, r.PublishedOn, r.IsRetired,
                r.CoreAreas.OrderBy(a => a.CoreArea!.SortOrder).Select(a => a.CoreArea!.Name).ToList(),
                r.AgencySizes.Select(s => s.Size).ToList()))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        Rows = [.. ids.Select(id => rows[id])];
        CoreAreas = await db.CoreAreas.AsNoTracking().CoreAreaChoicesAsync(cancellationToken);
        return Page();
    }
}
