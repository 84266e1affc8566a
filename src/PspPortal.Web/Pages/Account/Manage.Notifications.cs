using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Account;

/// <summary>The "Email notifications" section of /Account/Manage (partial view _EmailNotifications): a choice per kind
/// of event of "Right away", "Daily digest" or "Never". In its own file so that other sections merge cleanly; the
/// context comes from the request's services because the page's constructor is shared.</summary>
public partial class ManageModel
{
    /// <summary>The posted choices, one per kind, by the kind's name.</summary>
    [BindProperty]
    public Dictionary<string, string> MailChoices { get; set; } = [];

    public bool MailChoicesSaved { get; private set; }

    /// <summary>Each kind with the user's choice (the default when none is stored).</summary>
    public async Task<IReadOnlyList<(NotificationKind Kind, MailChoice Choice)>> MailChoicesOfUserAsync()
    {
        var userId = userManager.GetUserId(User);
        var db = HttpContext.RequestServices.GetRequiredService<PortalDbContext>();
        var stored = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Kind, p => p.Choice, HttpContext.RequestAborted);
        return Enum.GetValues<NotificationKind>().Select(k => (k, stored.GetValueOrDefault(k, Notification.DefaultChoice))).ToList();
    }

    public async Task<IActionResult> OnPostNotificationsAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        var db = HttpContext.RequestServices.GetRequiredService<PortalDbContext>();
        var stored = await db.NotificationPreferences.Where(p => p.UserId == user.Id).ToListAsync(HttpContext.RequestAborted);
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            // A choice that is missing or not one of the three leaves that kind as it was.
            if (!MailChoices.TryGetValue(kind.ToString(), out var posted) || !Enum.TryParse<MailChoice>(posted, out var choice) || !Enum.IsDefined(choice))
            {
                continue;
            }

            var row = stored.SingleOrDefault(p => p.Kind == kind);
            if (row is null)
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = user.Id, Kind = kind, Choice = choice });
            }
            else
            {
                row.Choice = choice;
            }
        }

        await db.SaveChangesAsync(HttpContext.RequestAborted);
        MailChoicesSaved = true;
        ModelState.Clear();
        return Page();
    }
}
