using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Notifications;

/// <summary>The user's notifications, newest first. Opening one is a POST (a button), which marks it read and goes to
/// its page: no GET changes anything. Every query is the user's own: another's id is 404.</summary>
public class IndexModel(PortalDbContext db, CurrentUser currentUser, TimeProvider clock, PspPortal.Web.Domain.ServiceClock serviceClock) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(long Id, string Text, DateTime CreatedAt, bool Unread);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Unread { get; private set; }
    public PagerModel Pager { get; private set; } = null!;
    public string TimeZoneName => serviceClock.TimeZoneName;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = PagerModel.QueryName)] int pageNumber = 1)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == currentUser.Id);
        var total = await mine.CountAsync(HttpContext.RequestAborted);
        Unread = await mine.CountAsync(n => n.ReadAt == null, HttpContext.RequestAborted);
        Pager = new PagerModel(pageNumber, total, PageSize, "/Notifications", new Dictionary<string, string?>(), "Pages of notifications");
        Rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(Pager.Skip).Take(PageSize)
            .Select(n => new Row(n.Id, n.Text, n.CreatedAt, n.ReadAt == null)).ToListAsync(HttpContext.RequestAborted);
        Rows = [.. Rows.Select(r => r with { CreatedAt = serviceClock.LocalTime(r.CreatedAt) })];
        return Page();
    }

    /// <summary>Marks one of the user's notifications read and opens its page.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == currentUser.Id, HttpContext.RequestAborted);
        if (notification is null)
        {
            return NotFound();
        }

        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return LocalRedirect(Url.IsLocalUrl(notification.Link) ? notification.Link : "/Notifications");
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == currentUser.Id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), HttpContext.RequestAborted);
        return RedirectToPage();
    }
}
