using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;

namespace PspPortal.Web.Pages.Shared;

/// <summary>The toolkits suggested for a strategy of a plan that the user may see (<see cref="ToolkitAccess"/>), as
/// links under the strategy on /Sites/{id}/Plan; nothing when there is none.</summary>
public sealed class SuggestedToolkitsViewComponent(PortalDbContext db, CurrentUser currentUser) : ViewComponent
{
    public sealed record Suggestion(int Id, string Name, string OwnerName, int Items);

    public async Task<IViewComponentResult> InvokeAsync(int strategyId)
    {
        var suggestions = await db.Toolkits.AsNoTracking().VisibleTo(db, currentUser.Id).Where(t => t.StrategyId == strategyId)
            .OrderBy(t => t.Name).Select(t => new Suggestion(t.Id, t.Name, t.OwnerName, t.Items.Count))
            .ToListAsync(HttpContext.RequestAborted);
        return View("~/Pages/Shared/_SuggestedToolkits.cshtml", suggestions);
    }
}
