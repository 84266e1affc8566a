using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Seeding;

public sealed partial class DemoSeeder
{
    /// <summary>The states the demo requests of a site under way cycle through, so that every state is seen.</summary>
    private static readonly TtaStatus[] LiveStatuses =
    [
        TtaStatus.Submitted, TtaStatus.InReview, TtaStatus.NeedsInfo, TtaStatus.Approved, TtaStatus.Scheduled,
        TtaStatus.Delivered, TtaStatus.Closed, TtaStatus.Declined, TtaStatus.Withdrawn, TtaStatus.Draft,
        TtaStatus.Submitted, TtaStatus.InReview,
    ];

    private static readonly TtaStatus[] PastStatuses = [TtaStatus.Closed, TtaStatus.Closed, TtaStatus.Declined, TtaStatus.Closed, TtaStatus.Withdrawn];

    private async Task SeedRequestsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var random = new Random(2017);
        var now = clock.GetUtcNow().UtcDateTime;
        var coreAreas = await db.CoreAreas.Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var sites = await db.Sites
            .Include(s => s.Engagements)
            .Include(s => s.TeamMembers)
            .OrderBy(s => s.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var requests = new List<TtaRequest>();
        var liveIndex = 0;
        var areaIndex = 0;
        foreach (var site in sites)
        {
            var engagement = site.Engagements.MaxBy(e => e.StartDate)!;
            var live = engagement.EndDate.AddMonths(6) > today;
            var isDemoSite = site is { Name: "Tampa", State: "FL" };
            var count = isDemoSite ? 14 : live ? 8 : 3;
            var requester = site.TeamMembers.Where(m => m.TeamRole == SiteTeamRole.PointOfContact).OrderByDescending(m => m.UserId != null).First();
            var decider = site.TeamMembers.First(m => m.TeamRole == SiteTeamRole.StrategicSiteLiaison);

            for (var i = 0; i < count; i++)
            {
                var status = live ? LiveStatuses[liveIndex++ % LiveStatuses.Length] : PastStatuses[i % PastStatuses.Length];
                var area = coreAreas[areaIndex++ % coreAreas.Count];
                var ideas = RequestCatalog.ByCoreArea[area.Name];
                var idea = ideas[(site.Id + i) % ideas.Count];
                var start = live
                    ? now.AddDays(-random.Next(2, 120)).AddHours(-random.Next(0, 8))
                    : engagement.StartDate.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc).AddDays(random.Next(30, 900));
                requests.Add(BuildRequest(site, area, idea, status, start, now, requester, decider, random, serviceClock));
            }
        }

        AssignReferenceNumbers(requests);
        db.TtaRequests.AddRange(requests);
        await db.SaveChangesAsync(cancellationToken);
        LogRequestsSeeded(logger, requests.Count);
    }

    private static TtaRequest BuildRequest(
        Site site, CoreArea area, RequestCatalog.Idea idea, TtaStatus target, DateTime start, DateTime now,
        SiteTeamMember requester, SiteTeamMember decider, Random random, ServiceClock serviceClock)
    {
        var request = new TtaRequest
        {
            ReferenceNumber = "pending",
            SiteId = site.Id,
            CoreAreaId = area.Id,
            Title = idea.Title,
            Description = idea.Need,
            DesiredOutcome = idea.Outcome,
            DeliveryMode = idea.Mode,
            Priority = random.Next(4) == 0 ? TtaPriority.Expedited : TtaPriority.Routine,
            NeededBy = DateOnly.FromDateTime(start).AddDays(random.Next(45, 150)),
            RequesterId = requester.UserId,
            RequesterName = requester.FullName,
            Status = TtaStatus.Draft,
            CreatedAt = start,
            UpdatedAt = start,
        };

        var requesterActor = new Actor(requester.UserId, requester.FullName);
        var deciderActor = new Actor(decider.UserId, decider.FullName);
        var path = PathTo(target, random).ToList();

        // Each step comes at most six days after the one before; start early enough that the last is in the past.
        var latestStart = now.AddDays(-6 * path.Count - 1);
        if (start > latestStart)
        {
            start = latestStart;
            request.CreatedAt = request.UpdatedAt = start;
            request.NeededBy = DateOnly.FromDateTime(now).AddDays(random.Next(30, 120));
        }

        var at = start;
        foreach (var action in path)
        {
            at = at.AddDays(random.Next(1, 6)).AddHours(random.Next(0, 5));

            var actor = TtaWorkflow.PartyFor(action) == TtaParty.Requester ? requesterActor : deciderActor;
            string? note = null;
            switch (action)
            {
                case TtaAction.Decline:
                    note = "This need is better met through the site's existing BJA grant; the liaison will connect the site with its grant manager.";
                    break;
                case TtaAction.AskForInformation:
                    note = "Which units and how many people would take part, and are there dates that will not work?";
                    break;
                case TtaAction.Respond:
                    note = "About 20 people from the violent crimes and patrol divisions; avoid the last week of the month.";
                    break;
                case TtaAction.Approve:
                    note = "Fits the site's strategic plan; approved for expedited delivery.";
                    break;
                case TtaAction.Schedule:
                    request.AssignedProvider = RequestCatalog.Providers[random.Next(RequestCatalog.Providers.Count)];
                    request.ScheduledFor = DateOnly.FromDateTime(at).AddDays(random.Next(10, 30));
                    note = $"Scheduled with {request.AssignedProvider}.";
                    break;
                case TtaAction.RecordDelivery:
                    // The program's day, as the workflow counts it (a UTC date can be a day ahead of it).
                    request.DeliveredOn = serviceClock.DayOf(at);
                    request.ScheduledFor = request.DeliveredOn;
                    request.DeliverySummary = $"{TtaWorkflow.DeliveryModeDisplay(request.DeliveryMode)} assistance delivered by {request.AssignedProvider}; materials shared with the site team.";
                    note = request.DeliverySummary;
                    break;
                case TtaAction.Withdraw:
                    note = "The department found local funding for this and no longer needs PSP assistance.";
                    break;
            }

            request.Apply(action, actor, at, note, serviceClock);
        }

        if (target is TtaStatus.InReview or TtaStatus.Approved or TtaStatus.Scheduled && random.Next(2) == 0)
        {
            request.Comments.Add(new TtaRequestComment
            {
                AuthorId = requester.UserId,
                AuthorName = requester.FullName,
                Body = "Our deputy chief asked whether the sessions can be recorded for the evening shift.",
                CreatedAt = at.AddHours(2) < now ? at.AddHours(2) : at,
            });
        }

        return request;
    }

    /// <summary>A realistic path of actions from Draft to a status (some approvals go back to the site for information
    /// first); generate-data takes the same paths.</summary>
    internal static IEnumerable<TtaAction> PathTo(TtaStatus target, Random random)
    {
        if (target == TtaStatus.Draft)
        {
            yield break;
        }

        yield return TtaAction.Submit;
        if (target == TtaStatus.Submitted)
        {
            yield break;
        }

        if (target == TtaStatus.Withdrawn)
        {
            yield return TtaAction.Withdraw;
            yield break;
        }

        yield return TtaAction.StartReview;
        switch (target)
        {
            case TtaStatus.InReview:
                yield break;
            case TtaStatus.NeedsInfo:
                yield return TtaAction.AskForInformation;
                yield break;
            case TtaStatus.Declined:
                yield return TtaAction.Decline;
                yield break;
        }

        // Some approved requests went back to the site for information first.
        if (random.Next(3) == 0)
        {
            yield return TtaAction.AskForInformation;
            yield return TtaAction.Respond;
            yield return TtaAction.StartReview;
        }

        yield return TtaAction.Approve;
        if (target == TtaStatus.Approved)
        {
            yield break;
        }

        yield return TtaAction.Schedule;
        if (target == TtaStatus.Scheduled)
        {
            yield break;
        }

        yield return TtaAction.RecordDelivery;
        if (target == TtaStatus.Delivered)
        {
            yield break;
        }

        yield return TtaAction.Close;
    }

    private void AssignReferenceNumbers(List<TtaRequest> requests)
    {
        foreach (var year in requests.OrderBy(r => r.CreatedAt).GroupBy(r => r.CreatedAt.Year))
        {
            var number = 0;
            foreach (var request in year)
            {
                request.ReferenceNumber = TtaRequest.FormatReference(year.Key, ++number);
            }

            db.ReferenceCounters.Add(new ReferenceCounter { Year = year.Key, LastNumber = number });
        }
    }
}
