using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Infrastructure.Logging;

namespace PspPortal.Web.Pages.Milestones;

/// <summary>The milestones in a user's scope as an iCalendar feed that Outlook or any calendar can subscribe to.
/// Calendars cannot sign in, so the feed sits behind a per-user secret link: the portal keeps only the SHA-256 of the
/// secret (<see cref="PortalUser.CalendarFeedTokenHash"/>), shows the link once, and the user can replace or revoke it.</summary>
public static class CalendarFeed
{
    /// <summary>The feeds' path, which the logs know as a secret one (<see cref="SecretPathRedactor"/>).</summary>
    public const string PathPrefix = SecretPathRedactor.FeedPathPrefix;
    public const string RoutePattern = "/Calendar/{token}.ics";

    /// <summary>How far back the feed reaches: older milestones are history, not planning.</summary>
    public const int DaysBack = 365;

    /// <summary>How far ahead the feed reaches. Milestones fall within an engagement and its sustainment (five years at
    /// most); a row beyond this is a mistake that must not reach, or break, anyone's calendar.</summary>
    public const int YearsAhead = 10;

    /// <summary>A new secret for a feed link: 32 random bytes, URL-safe.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PathFor(string token) => $"/Calendar/{token}.ics";

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RoutePattern, ServeAsync).AllowAnonymous().WithName("CalendarFeed");
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(string token, HttpContext context, PortalDbContext db, SiteScope siteScope, PublicUrls publicUrls, TimeProvider clock, ServiceClock serviceClock, CancellationToken cancellationToken)
    {
        // A token is 43 URL-safe characters; anything else is not one of ours.
        if (token.Length is < 20 or > 100)
        {
            return Results.NotFound();
        }

        var hash = Hash(token);
        var owner = await db.Users.AsNoTracking()
            .Where(u => u.CalendarFeedTokenHash == hash && !u.IsDisabled)
            .Select(u => new { u.Id, u.FullName })
            .SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return Results.NotFound();
        }

        var scope = await siteScope.ForUserIdAsync(owner.Id, cancellationToken);
        var today = serviceClock.Today(clock);
        var since = today.AddDays(-DaysBack);
        var until = today.AddYears(YearsAhead);
        var milestones = await db.Milestones.AsNoTracking().InScope(scope)
            .Where(m => m.DueDate >= since && m.DueDate <= until)
            .OrderBy(m => m.DueDate).ThenBy(m => m.Id)
            .Select(m => new FeedMilestone(m.Id, m.Engagement!.SiteId, m.Engagement.Site!.Name, m.Engagement.Site.State, m.Title, m.DueDate, m.Status, m.CompletedOn, m.OwnerName, m.Notes))
            .ToListAsync(cancellationToken);

        // Links in the feed point at the portal's public address (App:BaseUrl), never at the Host header of the poll.
        var body = Build(milestones, today, clock.GetUtcNow().UtcDateTime, publicUrls.BaseUri);
        context.Response.Headers.CacheControl = "private, max-age=900";
        return Results.Text(body, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    public sealed record FeedMilestone(int Id, int SiteId, string SiteName, string State, string Title, DateOnly DueDate, MilestoneStatus Status, DateOnly? CompletedOn, string? OwnerName, string? Notes);

    /// <summary>One all-day event per milestone; its UID stays the same across changes so calendars update it in place.
    /// An all-day event ends the next day; on the last day a calendar can hold it has no end, which RFC 5545 reads as
    /// one day, so no date can make the feed fail.</summary>
    public static string Build(IEnumerable<FeedMilestone> milestones, DateOnly today, DateTime now, Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        var calendar = new Ical.Net.Calendar { ProductId = "-//National Public Safety Partnership//PSP Portal//EN" };
        calendar.AddProperty("X-WR-CALNAME", "PSP milestones");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        foreach (var m in milestones)
        {
            var state = m.Status switch
            {
                MilestoneStatus.Completed => $"Completed {m.CompletedOn?.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}",
                MilestoneStatus.Deferred => "Deferred",
                _ => EngagementMilestone.IsOverdue(m.Status, m.DueDate, today) ? "Overdue" : "Planned",
            };
            var description = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"Status: {state}");
            if (m.OwnerName is not null)
            {
                description.Append(CultureInfo.InvariantCulture, $"\nOwner: {m.OwnerName}");
            }

            if (m.Notes is not null)
            {
                description.Append(CultureInfo.InvariantCulture, $"\nNotes: {m.Notes}");
            }

            var url = new Uri(baseUri, $"Milestones/{m.Id}");
            description.Append(CultureInfo.InvariantCulture, $"\n{url}");
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"milestone-{m.Id}@psp-portal",
                Summary = $"{m.SiteName}, {m.State}: {m.Title}",
                Description = description.ToString(),
                DtStart = Day(m.DueDate),
                DtEnd = m.DueDate < DateOnly.MaxValue ? Day(m.DueDate.AddDays(1)) : null,
                DtStamp = new CalDateTime(now, "UTC"),
                Status = m.Status == MilestoneStatus.Deferred ? EventStatus.Cancelled : EventStatus.Confirmed,
                Transparency = TransparencyType.Transparent,
                Url = url,
                Categories = ["PSP milestone", state.StartsWith("Completed", StringComparison.Ordinal) ? "Completed" : state],
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static CalDateTime Day(DateOnly date) => new(date.Year, date.Month, date.Day);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
