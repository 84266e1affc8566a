using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Toolkits;

/// <summary>/Toolkits/{id}/Export: the toolkit's resources in order, with notes, as CSV; for those who may see it.</summary>
public class ExportModel(PortalDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed record Row(int Position, string Title, string Type, string CoreAreas, string AgencySizes, string Link, DateOnly Date, string? Note, bool Retired);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var toolkit = await db.Toolkits.AsNoTracking().VisibleTo(db, currentUser.Id).Where(t => t.Id == id)
            .Select(t => new { t.Name }).SingleOrDefaultAsync(cancellationToken);
        if (toolkit is null)
        {
            return NotFound();
        }

        var items = await db.ToolkitItems.AsNoTracking().Where(i => i.ToolkitId == id).OrderBy(i => i.Position)
            .Select(i => new
            {
                i.Position, i.Resource!.Title, i.Resource.Type, i.Resource.Url, i.Resource.PublishedOn, i.Note, i.Resource.IsRetired,
                Areas = i.Resource.CoreAreas.OrderBy(a => a.CoreArea!.SortOrder).Select(a => a.CoreArea!.Name).ToList(),
                Sizes = i.Resource.AgencySizes.Select(s => s.Size).ToList(),
            })
            .ToListAsync(cancellationToken);
        var rows = items.Select(i => new Row(i.Position, i.Title, Resource.TypeDisplay(i.Type), string.Join("; ", i.Areas),
            string.Join("; ", i.Sizes.Order().Select(Resource.SizeDisplay)), i.Url, i.PublishedOn, i.Note, i.IsRetired));
        return CsvFile.Of(rows.ToAsyncEnumerable(), $"toolkit-{id}.csv");
    }
}
