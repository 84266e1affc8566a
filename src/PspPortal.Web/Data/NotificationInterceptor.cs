using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data;

/// <summary>The one place that turns saved changes into notifications, follows and outbox rows (docs/adr/0013): after
/// a save that added TTA transitions, comments, requests, peer-exchange invitations or toolkit shares, it adds who must
/// be told and saves again inside the same transaction (<see cref="PortalDbContext.SaveChangesAsync(bool, CancellationToken)"/>
/// opens one around every save), so an event and its notifications and mail are committed or lost together. No page
/// has to remember to notify.</summary>
public sealed class NotificationInterceptor(IHttpContextAccessor httpContextAccessor, TimeProvider clock) : AfterSaveInterceptor<List<object>>
{
    private static readonly ConditionalWeakTable<DbContext, object> Suspended = [];

    /// <summary>Saves through <paramref name="context"/> notify nobody until the result is disposed: the demo seeder's
    /// made-up history is not news to anyone.</summary>
    public static IDisposable Suspend(DbContext context)
    {
        Suspended.AddOrUpdate(context, new object());
        return new Resume(context);
    }

    protected override List<object>? Capture(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Suspended.TryGetValue(context, out _))
        {
            return null;
        }

        var added = context.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added && e.Entity is TtaRequest or TtaRequestTransition or TtaRequestComment or PeerExchange or ToolkitShare)
            .Select(e => e.Entity)
            .ToList();
        return added.Count > 0 ? added : null;
    }

    protected override async ValueTask<bool> FollowUpAsync(DbContext context, List<object> noted, CancellationToken cancellationToken) =>
        context is PortalDbContext db && await Notify(db, noted, cancellationToken);

    /// <summary>Adds the notifications, follows and outbox rows of the saved entities; true when there is anything to save.</summary>
    private async Task<bool> Notify(PortalDbContext db, List<object> added, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var currentUser = httpContextAccessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var notifier = new Notifier(db, now);

        foreach (var request in added.OfType<TtaRequest>().Where(r => r.RequesterId is not null))
        {
            await notifier.FollowAsync(request.Id, request.RequesterId!, cancellationToken);
        }

        foreach (var transition in added.OfType<TtaRequestTransition>())
        {
            var request = await db.TtaRequests.AsNoTracking().Where(r => r.Id == transition.TtaRequestId)
                .Select(r => new { r.Id, r.ReferenceNumber, r.Title, r.SiteId, r.RequesterId }).SingleAsync(cancellationToken);
            var actor = transition.ActorId ?? currentUser;
            if (actor is not null)
            {
                await notifier.FollowAsync(request.Id, actor, cancellationToken);
            }

            var about = $"{request.ReferenceNumber} \u201c{request.Title}\u201d";
            var link = $"/Tta/{request.Id}";
            switch (transition.Action)
            {
                case TtaAction.Submit or TtaAction.Respond:
                    var liaisons = await db.SiteTeamMembers.AsNoTracking()
                        .Where(m => m.SiteId == request.SiteId && m.TeamRole == SiteTeamRole.StrategicSiteLiaison && m.UserId != null)
                        .Select(m => m.UserId!).Distinct().ToListAsync(cancellationToken);
                    var what = transition.Action == TtaAction.Submit ? "submitted" : "answered with the information asked for";
                    await notifier.TellAsync(liaisons, actor, NotificationKind.RequestSubmitted, $"{about} was {what} by {transition.ActorName}.", link, cancellationToken);
                    break;
                case TtaAction.Approve or TtaAction.Decline:
                    await notifier.TellAsync(request.RequesterId, actor, NotificationKind.RequestDecided,
                        $"{about} was {(transition.Action == TtaAction.Approve ? "approved" : "declined")} by {transition.ActorName}.", link, cancellationToken);
                    break;
                case TtaAction.AskForInformation:
                    await notifier.TellAsync(request.RequesterId, actor, NotificationKind.InformationRequested,
                        $"{transition.ActorName} asked for information on {about}.", link, cancellationToken);
                    break;
                case TtaAction.Schedule:
                    await notifier.TellAsync(request.RequesterId, actor, NotificationKind.RequestScheduled,
                        $"{about} was scheduled by {transition.ActorName}.", link, cancellationToken);
                    break;
                default:
                    break;
            }
        }

        foreach (var comment in added.OfType<TtaRequestComment>())
        {
            var request = await db.TtaRequests.AsNoTracking().Where(r => r.Id == comment.TtaRequestId)
                .Select(r => new { r.Id, r.ReferenceNumber, r.Title }).SingleAsync(cancellationToken);
            var author = comment.AuthorId ?? currentUser;
            var followers = await db.RequestFollows.AsNoTracking().Where(f => f.TtaRequestId == request.Id && f.Following)
                .Select(f => f.UserId).ToListAsync(cancellationToken);
            await notifier.TellAsync(followers, author, NotificationKind.CommentAdded,
                $"{comment.AuthorName} commented on {request.ReferenceNumber} \u201c{request.Title}\u201d.", $"/Tta/{request.Id}", cancellationToken);
            if (author is not null)
            {
                await notifier.FollowAsync(request.Id, author, cancellationToken);
            }
        }

        foreach (var invitation in added.OfType<PeerExchange>())
        {
            var contacts = await db.SiteTeamMembers.AsNoTracking()
                .Where(m => m.SiteId == invitation.HostSiteId && m.TeamRole == SiteTeamRole.PointOfContact && m.UserId != null)
                .Select(m => m.UserId!).Distinct().ToListAsync(cancellationToken);
            var requesting = await db.TtaRequests.AsNoTracking().Where(r => r.Id == invitation.TtaRequestId)
                .Select(r => r.Site!.Name).SingleAsync(cancellationToken);
            await notifier.TellAsync(contacts, invitation.InvitedById ?? currentUser, NotificationKind.PeerExchangeInvitation,
                $"{invitation.InvitedByName} invited your site to host a peer exchange for {requesting}.", $"/PeerExchanges/{invitation.Id}", cancellationToken);
        }

        foreach (var share in added.OfType<ToolkitShare>())
        {
            var people = share.UserId is not null
                ? [share.UserId]
                : await db.SiteTeamMembers.AsNoTracking().Where(m => m.SiteId == share.SiteId && m.UserId != null)
                    .Select(m => m.UserId!).Distinct().ToListAsync(cancellationToken);
            var toolkit = await db.Toolkits.AsNoTracking().Where(t => t.Id == share.ToolkitId).Select(t => t.Name).SingleAsync(cancellationToken);
            await notifier.TellAsync(people, currentUser, NotificationKind.ToolkitShared,
                $"{share.SharedByName} shared the toolkit \u201c{toolkit}\u201d with you.", $"/Toolkits/{share.ToolkitId}", cancellationToken);
        }

        return notifier.Added;
    }

    private sealed class Resume(DbContext context) : IDisposable
    {
        public void Dispose() => Suspended.Remove(context);
    }
}

/// <summary>Adds notifications with their outbox rows (by each person's mail choice) and follows to a context; the
/// caller saves. Used by <see cref="NotificationInterceptor"/> and by the daily reminders.</summary>
public sealed class Notifier(PortalDbContext db, DateTime now)
{
    private readonly HashSet<(int, string)> _followed = [];

    public bool Added { get; private set; }

    public Task TellAsync(string? userId, string? actorId, NotificationKind kind, string text, string link, CancellationToken cancellationToken) =>
        userId is null ? Task.CompletedTask : TellAsync([userId], actorId, kind, text, link, cancellationToken);

    /// <summary>Tells each person (never the one who acted) of an event.</summary>
    public async Task TellAsync(IEnumerable<string> userIds, string? actorId, NotificationKind kind, string text, string link, CancellationToken cancellationToken, string? onceKey = null)
    {
        var people = userIds.Where(u => u != actorId).Distinct().ToList();
        if (people.Count == 0)
        {
            return;
        }

        var choices = await db.NotificationPreferences.AsNoTracking().Where(p => people.Contains(p.UserId) && p.Kind == kind)
            .ToDictionaryAsync(p => p.UserId, p => p.Choice, cancellationToken);
        foreach (var person in people)
        {
            var notification = new Notification
            {
                UserId = person,
                Kind = kind,
                Text = text.Length > Notification.TextMax ? text[..(Notification.TextMax - 1)] + "\u2026" : text,
                Link = link,
                CreatedAt = now,
                OnceKey = onceKey is null ? null : $"{onceKey}:{person}",
            };
            db.Notifications.Add(notification);
            if (choices.GetValueOrDefault(person, Notification.DefaultChoice) == MailChoice.RightAway)
            {
                db.OutboxMessages.Add(new OutboxMessage { UserId = person, Notification = notification, CreatedAt = now, NextAttemptAt = now });
            }

            Added = true;
        }
    }

    /// <summary>The person follows the request, unless they chose "Stop following" before.</summary>
    public async Task FollowAsync(int requestId, string userId, CancellationToken cancellationToken)
    {
        if (!_followed.Add((requestId, userId))
            || db.RequestFollows.Local.Any(f => f.TtaRequestId == requestId && f.UserId == userId)
            || await db.RequestFollows.AnyAsync(f => f.TtaRequestId == requestId && f.UserId == userId, cancellationToken))
        {
            return;
        }

        db.RequestFollows.Add(new RequestFollow { TtaRequestId = requestId, UserId = userId, Following = true });
        Added = true;
    }
}
