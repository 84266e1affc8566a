using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure.Mail;

namespace PspPortal.Web.Pages.Notifications;

/// <summary>The one-click unsubscribe link of every message (RFC 8058), without signing in: GET shows what the link
/// stops and a button; POST, the button's or a mail client's one-click POST (which carries no antiforgery token), sets
/// that one user's choice for that one kind (or for every kind sent as a digest) to "Never". The token says both
/// (<see cref="UnsubscribeTokens"/>); a forged or altered one changes nothing.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(PortalDbContext db, UnsubscribeTokens tokens) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? What { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet()
    {
        var unsubscribe = tokens.Read(Token);
        if (unsubscribe is null)
        {
            return NotFound();
        }

        What = Describe(unsubscribe);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var unsubscribe = tokens.Read(Token);
        if (unsubscribe is null || !await db.Users.AnyAsync(u => u.Id == unsubscribe.UserId, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        var stored = await db.NotificationPreferences.Where(p => p.UserId == unsubscribe.UserId).ToListAsync(HttpContext.RequestAborted);
        var kinds = unsubscribe.Kind is { } one ? [one] : stored.Where(p => p.Choice == MailChoice.DailyDigest).Select(p => p.Kind).ToList();
        foreach (var kind in kinds)
        {
            var row = stored.SingleOrDefault(p => p.Kind == kind);
            if (row is null)
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = unsubscribe.UserId, Kind = kind, Choice = MailChoice.Never });
            }
            else
            {
                row.Choice = MailChoice.Never;
            }
        }

        await db.SaveChangesAsync(HttpContext.RequestAborted);
        What = Describe(unsubscribe);
        Done = true;
        return Page();
    }

    private static string Describe(Unsubscribe unsubscribe) =>
        unsubscribe.Kind is { } kind ? $"emails about \u201c{Notification.KindName(kind)}\u201d" : "daily digest emails";
}
