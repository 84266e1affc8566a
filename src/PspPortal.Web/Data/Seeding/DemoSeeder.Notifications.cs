using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Seeding;

public sealed partial class DemoSeeder
{
    /// <summary>A few unread notifications for the demo site contact and liaison, so the header shows a count: the
    /// latest requests of their sites, told as the workflow would have told them. In the portal only, never mailed.</summary>
    private async Task SeedNotificationsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (email, kind, wording) in new[]
        {
            ("poc@psp.example", NotificationKind.InformationRequested, "Your liaison asked for information on {0}."),
            ("liaison@psp.example", NotificationKind.RequestSubmitted, "{0} was submitted by the site."),
        })
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
            if (user is null)
            {
                continue;
            }

            var sites = db.SiteTeamMembers.Where(m => m.UserId == user).Select(m => m.SiteId);
            var requests = await db.TtaRequests.AsNoTracking().Where(r => sites.Contains(r.SiteId))
                .OrderByDescending(r => r.CreatedAt).Take(3)
                .Select(r => new { r.Id, r.ReferenceNumber, r.Title }).ToListAsync(cancellationToken);
            var minutes = 0;
            foreach (var request in requests)
            {
                db.Notifications.Add(new Notification
                {
                    UserId = user,
                    Kind = kind,
                    Text = string.Format(System.Globalization.CultureInfo.InvariantCulture, wording, $"{request.ReferenceNumber} \u201c{request.Title}\u201d"),
                    Link = $"/Tta/{request.Id}",
                    CreatedAt = now.AddMinutes(-(minutes += 45)),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
