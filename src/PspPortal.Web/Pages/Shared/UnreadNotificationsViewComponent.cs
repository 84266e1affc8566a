using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;

namespace PspPortal.Web.Pages.Shared;

/// <summary>The link to /Notifications in the header of every page, with the unread count: one COUNT answered by the
/// (UserId, ReadAt) index.</summary>
public sealed class UnreadNotificationsViewComponent(PortalDbContext db, CurrentUser currentUser) : ViewComponent
{
    /// <summary>Asked on every page: compiled once (docs/performance.md).</summary>
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<int>> UnreadCount =
        EF.CompileAsyncQuery((PortalDbContext db, string userId, CancellationToken _) => db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null));

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = currentUser.Id;
        var unread = userId is null ? 0 : await UnreadCount(db, userId, HttpContext.RequestAborted);
        return View("~/Pages/Shared/_UnreadNotifications.cshtml", unread);
    }
}
