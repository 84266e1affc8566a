using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Tta;

/// <summary>"Follow" / "Stop following" on a request: a follower hears of its comments. People follow the requests they
/// make, act on or comment on (Data/NotificationInterceptor); stopping is remembered, so acting again does not
/// follow again.</summary>
public partial class DetailsModel
{
    public async Task<bool> IsFollowingAsync(int id) =>
        currentUser.Id is { } userId
        && await db.RequestFollows.AsNoTracking().AnyAsync(f => f.TtaRequestId == id && f.UserId == userId && f.Following, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostFollowAsync(int id, bool follow, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var userId = currentUser.Id;
        if (userId is null || !await db.TtaRequests.AsNoTracking().InScope(scope).AnyAsync(r => r.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var row = await db.RequestFollows.SingleOrDefaultAsync(f => f.TtaRequestId == id && f.UserId == userId, cancellationToken);
        if (row is null)
        {
            db.RequestFollows.Add(new RequestFollow { TtaRequestId = id, UserId = userId, Following = follow });
        }
        else
        {
            row.Following = follow;
        }

        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = follow ? "You follow this request: you will hear of its comments." : "You no longer follow this request.";
        return Redirect($"/Tta/{id}");
    }
}
