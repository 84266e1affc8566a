using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Infrastructure.Mail;

/// <summary>Sends what the outbox holds (docs/adr/0013). A run claims due rows with one UPDATE (a claim token and a
/// lease), so that two instances running at once never take the same row; it sends each, marks it sent, and on
/// failure counts the attempt and sets the next one later, doubling the wait each time. What is kept of a failure is
/// the exception's kind and message, which carry no password (MailKit does not put credentials in them).</summary>
public sealed partial class OutboxDelivery(PortalDbContext db, MailTransport transport, MailComposer composer, IOptions<MailOptions> options, TimeProvider clock, ServiceClock serviceClock, ILogger<OutboxDelivery> logger)
{
    /// <summary>Sends the due rows of one batch; returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = Guid.NewGuid();
        var until = now + settings.ClaimLease;
        var claimed = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Take(settings.BatchSize)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, claim).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
        if (claimed == 0)
        {
            return 0;
        }

        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimToken == claim)
            .Select(m => new
            {
                m.Id, m.UserId, m.Attempts, m.DigestDay,
                Email = db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).FirstOrDefault(),
                Name = db.Users.Where(u => u.Id == m.UserId).Select(u => u.FullName).FirstOrDefault(),
                Item = m.Notification == null ? null : new MailComposer.Item(m.Notification.Kind, m.Notification.Text, m.Notification.Link, m.Notification.CreatedAt),
            })
            .ToListAsync(cancellationToken);

        var sent = 0;
        MailTransport.ISender? sender = null;
        try
        {
            foreach (var row in rows)
            {
                try
                {
                    var message = row.Item is not null
                        ? composer.ForOne(row.Email ?? string.Empty, row.Name ?? string.Empty, row.Item, row.UserId)
                        : row.DigestDay is { } day && await DigestItemsAsync(row.UserId, day, cancellationToken) is { Count: > 0 } items
                            ? composer.Digest(row.Email ?? string.Empty, row.Name ?? string.Empty, day, items, row.UserId)
                            : null;
                    if (message is null || string.IsNullOrWhiteSpace(row.Email))
                    {
                        // Nothing left to say (the choices changed) or nobody to say it to: done, with the reason.
                        await MarkAsync(row.Id, claim, now, message is null ? "Nothing to send." : "The account has no email address.", cancellationToken);
                        continue;
                    }

                    sender ??= await transport.OpenAsync(cancellationToken);
                    await sender.SendAsync(message, cancellationToken);
                    await MarkAsync(row.Id, claim, clock.GetUtcNow().UtcDateTime, null, cancellationToken);
                    sent++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var attempts = row.Attempts + 1;
                    var wait = TimeSpan.FromTicks(Math.Min(settings.LongestRetryDelay.Ticks, settings.RetryBaseDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
                    var error = $"{ex.GetType().Name}: {ex.Message}";
                    LogFailure(logger, row.Id, attempts, wait, error);
                    await db.OutboxMessages.Where(m => m.Id == row.Id && m.ClaimToken == claim).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Attempts, attempts)
                        .SetProperty(m => m.NextAttemptAt, clock.GetUtcNow().UtcDateTime + wait)
                        .SetProperty(m => m.LastError, error.Length > OutboxMessage.ErrorMax ? error[..OutboxMessage.ErrorMax] : error)
                        .SetProperty(m => m.ClaimToken, (Guid?)null)
                        .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);

                    // A connection that failed is not reused: the next row opens a new one.
                    if (sender is not null)
                    {
                        await sender.DisposeAsync();
                        sender = null;
                    }
                }
            }
        }
        finally
        {
            if (sender is not null)
            {
                await sender.DisposeAsync();
            }
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {OutboxId} failed (attempt {Attempts}), next attempt in {Wait}: {Error}")]
    private static partial void LogFailure(ILogger logger, long outboxId, int attempts, TimeSpan wait, string error);

    private Task<int> MarkAsync(long id, Guid claim, DateTime at, string? note, CancellationToken cancellationToken) =>
        db.OutboxMessages.Where(m => m.Id == id && m.ClaimToken == claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, at)
            .SetProperty(m => m.LastError, note)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);

    /// <summary>The day's notifications (the program's day) of the kinds the person gets as a digest.</summary>
    private async Task<List<MailComposer.Item>> DigestItemsAsync(string userId, DateOnly day, CancellationToken cancellationToken)
    {
        var (from, to) = serviceClock.UtcSpanOf(day);
        var kinds = db.NotificationPreferences.Where(p => p.UserId == userId && p.Choice == MailChoice.DailyDigest).Select(p => p.Kind);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && n.CreatedAt >= from && n.CreatedAt < to && kinds.Contains(n.Kind))
            .OrderBy(n => n.CreatedAt)
            .Select(n => new MailComposer.Item(n.Kind, n.Text, n.Link, n.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>The daily digest: for each person with a kind set to "Daily digest" and notifications of such kinds on the
/// day (the program's day, as the pages count it), one outbox row, unique per person and day (a unique index), so that
/// two instances make one.</summary>
public sealed class DailyDigest(PortalDbContext db, TimeProvider clock, ServiceClock serviceClock)
{
    public async Task<int> QueueAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var (from, to) = serviceClock.UtcSpanOf(day);
        var now = clock.GetUtcNow().UtcDateTime;
        var people = await db.Notifications.AsNoTracking()
            .Where(n => n.CreatedAt >= from && n.CreatedAt < to
                && db.NotificationPreferences.Any(p => p.UserId == n.UserId && p.Kind == n.Kind && p.Choice == MailChoice.DailyDigest))
            .Select(n => n.UserId).Distinct().ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var person in people)
        {
            var key = $"digest:{person}:{day:yyyy-MM-dd}";
            if (await db.OutboxMessages.AnyAsync(m => m.OnceKey == key, cancellationToken))
            {
                continue;
            }

            var row = db.OutboxMessages.Add(new OutboxMessage { UserId = person, DigestDay = day, OnceKey = key, CreatedAt = now, NextAttemptAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                queued++;
            }
            catch (DbUpdateException)
            {
                // Another instance queued the same digest a moment ago: the unique index kept it to one.
                row.State = EntityState.Detached;
            }
        }

        return queued;
    }
}

/// <summary>Due-soon (within <see cref="Notification.DueSoonDays"/> days) and overdue milestone reminders for the
/// site team of the milestone's site, once per milestone, kind and day: the notification's unique key makes a second
/// run, on this instance or another, add nothing.</summary>
public sealed class MilestoneReminders(PortalDbContext db, TimeProvider clock)
{
    public async Task<int> RemindAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var soon = today.AddDays(Notification.DueSoonDays);
        var overdueOnes = await db.Milestones.AsNoTracking().Where(EngagementMilestone.Overdue.On(today))
            .Select(m => new { m.Id, m.Title, m.DueDate, m.Engagement!.SiteId, Site = m.Engagement.Site!.Name })
            .ToListAsync(cancellationToken);
        var dueSoon = await db.Milestones.AsNoTracking().Where(m => m.Status == MilestoneStatus.Planned && m.DueDate >= today && m.DueDate <= soon)
            .Select(m => new { m.Id, m.Title, m.DueDate, m.Engagement!.SiteId, Site = m.Engagement.Site!.Name })
            .ToListAsync(cancellationToken);
        var milestones = overdueOnes.Concat(dueSoon);
        var added = 0;
        foreach (var milestone in milestones)
        {
            var overdue = milestone.DueDate < today;
            var key = $"milestone:{milestone.Id}:{(overdue ? "overdue" : "due")}:{today:yyyy-MM-dd}";
            var team = await db.SiteTeamMembers.AsNoTracking().Where(t => t.SiteId == milestone.SiteId && t.UserId != null)
                .Select(t => t.UserId!).Distinct().ToListAsync(cancellationToken);
            var told = await db.Notifications.AsNoTracking().Where(n => n.OnceKey != null && n.OnceKey.StartsWith(key + ":"))
                .Select(n => n.UserId).ToListAsync(cancellationToken);
            team = team.Except(told).ToList();
            if (team.Count == 0)
            {
                continue;
            }

            var due = milestone.DueDate.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
            var text = overdue
                ? $"{milestone.Site}: the milestone \u201c{milestone.Title}\u201d is overdue (due {due})."
                : $"{milestone.Site}: the milestone \u201c{milestone.Title}\u201d is due on {due}.";
            await new Notifier(db, clock.GetUtcNow().UtcDateTime).TellAsync(team, null, NotificationKind.MilestoneReminder, text, $"/Milestones/{milestone.Id}", cancellationToken, key);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added += team.Count;
            }
            catch (DbUpdateException)
            {
                // Another instance reminded the same people of the same milestone today.
                db.ChangeTracker.Clear();
            }
        }

        return added;
    }
}
