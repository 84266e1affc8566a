using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Infrastructure;

/// <summary>Creates TTA requests of their own for page tests, in any state, so that no test depends on another's changes.</summary>
public static class TtaArrange
{
    private static int _next = Random.Shared.Next(10_000, 50_000);

    /// <summary>The program's day (ServiceClock, America/New_York), the one "today" of every page test: never the UTC day,
    /// which the portal refuses as tomorrow every evening in Washington.</summary>
    public static DateOnly Today => ServiceClock.Default.Today(TimeProvider.System);

    /// <summary>A request of the site named <paramref name="siteName"/> moved to <paramref name="status"/> along the workflow.</summary>
    public static async Task<TtaRequest> RequestAsync(
        PortalFactory factory, string siteName, TtaStatus status, string? title = null, DateTime? at = null, TtaPriority priority = TtaPriority.Routine, DeliveryMode mode = DeliveryMode.Virtual)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var db = factory.CreateDbContext();
        var site = await db.Sites.SingleAsync(s => s.Name == siteName);
        var area = await db.CoreAreas.Where(c => c.IsActive).OrderBy(c => c.SortOrder).FirstAsync();
        var start = at ?? DateTime.UtcNow.AddDays(-3);
        var request = new TtaRequest
        {
            ReferenceNumber = $"TTA-2098-{Interlocked.Increment(ref _next):D5}",
            SiteId = site.Id,
            CoreAreaId = area.Id,
            Title = title ?? $"Arranged request {Guid.NewGuid():N}",
            Description = "A need described for a test.",
            DesiredOutcome = "An outcome for a test.",
            DeliveryMode = mode,
            Priority = priority,
            NeededBy = Today.AddDays(60),
            RequesterName = "Test requester",
            CreatedAt = start,
            UpdatedAt = start,
        };
        var actor = new Actor(null, "Test actor");
        foreach (var action in PathTo(status))
        {
            if (action == TtaAction.Schedule)
            {
                request.AssignedProvider = "National Policing Institute";
                request.ScheduledFor = Today.AddDays(10);
            }

            request.Apply(action, actor, start, "arranged");
        }

        db.TtaRequests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }

    public static async Task<TtaRequest> ReloadAsync(PortalFactory factory, int id)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var db = factory.CreateDbContext();
        return await db.TtaRequests.AsNoTracking().Include(r => r.History).Include(r => r.Comments).SingleAsync(r => r.Id == id);
    }

    public static IEnumerable<TtaAction> PathTo(TtaStatus target) => target switch
    {
        TtaStatus.Draft => [],
        TtaStatus.Submitted => [TtaAction.Submit],
        TtaStatus.InReview => [TtaAction.Submit, TtaAction.StartReview],
        TtaStatus.NeedsInfo => [TtaAction.Submit, TtaAction.StartReview, TtaAction.AskForInformation],
        TtaStatus.Approved => [TtaAction.Submit, TtaAction.StartReview, TtaAction.Approve],
        TtaStatus.Scheduled => [TtaAction.Submit, TtaAction.StartReview, TtaAction.Approve, TtaAction.Schedule],
        TtaStatus.Delivered => [TtaAction.Submit, TtaAction.StartReview, TtaAction.Approve, TtaAction.Schedule, TtaAction.RecordDelivery],
        TtaStatus.Closed => [TtaAction.Submit, TtaAction.StartReview, TtaAction.Approve, TtaAction.Schedule, TtaAction.RecordDelivery, TtaAction.Close],
        TtaStatus.Declined => [TtaAction.Submit, TtaAction.StartReview, TtaAction.Decline],
        _ => [TtaAction.Submit, TtaAction.Withdraw],
    };
}
