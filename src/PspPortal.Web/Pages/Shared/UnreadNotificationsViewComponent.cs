using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Infrastructure.Security;

namespace PspPortal.Web.Pages.Shared;

/// <summary>The link to /Notifications in the header of every page, with the unread count: one COUNT answered by the
/// (UserId, ReadAt) index, which a GET already has from the session read (<see cref="UnreadNotificationsAtSessionRead"/>).</summary>
public sealed class UnreadNotificationsViewComponent(PortalDbContext db, CurrentUser currentUser) : ViewComponent
{
    /// <summary>Asked on every page: compiled once (docs/performance.md).</summary>
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<int>> UnreadCount =
        EF.CompileAsyncQuery((PortalDbContext db, string userId, CancellationToken _) => db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null));

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = currentUser.Id;
        var counted = HttpContext.Features.Get<UnreadNotificationsAtSessionRead>();
        var unread = userId is null ? 0
            : counted is not null && counted.UserId == userId && Request.IsReadOnly() ? counted.Count
            : await UnreadCount(db, userId, HttpContext.RequestAborted);
        return View("~/Pages/Shared/_UnreadNotifications.cshtml", unread);
    }
}
