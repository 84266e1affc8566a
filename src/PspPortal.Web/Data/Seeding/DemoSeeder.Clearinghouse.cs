using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Seeding;

public sealed partial class DemoSeeder
{
    /// <summary>The demo Clearinghouse (<see cref="ResourceCatalog"/>), dated back from today.</summary>
    private async Task SeedResourcesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var areas = await db.CoreAreas.ToDictionaryAsync(c => c.Name, c => c.Id, cancellationToken);
        foreach (var entry in ResourceCatalog.All)
        {
            var resource = new Resource { Title = entry.Title, Summary = entry.Summary, Url = string.Empty, CreatedAt = now };
            int[] areaIds = entry.SecondCoreArea is { } second ? [areas[entry.CoreArea], areas[second]] : [areas[entry.CoreArea]];
            resource.Describe(entry.Title, entry.Summary, entry.Type, $"https://example.org/psp/clearinghouse/{entry.Slug}", today.AddDays(-entry.DaysAgo), areaIds, entry.Sizes, now);
            db.Resources.Add(resource);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A few toolkits of the demo accounts: the site contact's, shared with the liaison and suggested for a
    /// strategy of Tampa's plan; the liaison's, shared with Tampa's team; BJA staff's own.</summary>
    private async Task SeedToolkitsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var users = await db.Users.Where(u => u.Email == "poc@psp.example" || u.Email == "liaison@psp.example" || u.Email == "bja@psp.example")
            .ToDictionaryAsync(u => u.Email!, u => new Actor(u.Id, u.FullName ?? u.Email!), cancellationToken);
        var resources = await db.Resources.Where(r => !r.IsRetired)
            .Select(r => new { r.Id, r.Title, Areas = r.CoreAreas.Select(a => a.CoreArea!.Name).ToList() })
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var tampa = await db.Sites.SingleAsync(s => s.Name == "Tampa" && s.State == "FL", cancellationToken);
        var gunStrategy = await db.PlanStrategies
            .Where(s => s.Goal!.Engagement!.SiteId == tampa.Id)
            .OrderBy(s => s.CoreArea!.Name == "Gun Violence" ? 0 : 1).ThenBy(s => s.Goal!.Number).ThenBy(s => s.Number)
            .Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);

        IEnumerable<int> In(string area, int take) => resources.Where(r => r.Areas.Contains(area)).Take(take).Select(r => r.Id);

        var poc = users["poc@psp.example"];
        var liaison = users["liaison@psp.example"];
        var bja = users["bja@psp.example"];

        var gunPlan = Toolkit.Create("Tampa shooting reduction: what to read first", poc, now);
        string[] notes =
        [
            "Start here: the chief asked for this before the next working group.",
            "Compare with our NIBIN backlog figures.",
            null!,
            "Good for the patrol lieutenants' roll-call.",
            null!,
        ];
        var i = 0;
        foreach (var id in In("Gun Violence", 5))
        {
            gunPlan.Add(id, notes[i++], now);
        }

        gunPlan.ShareWithUser(liaison.UserId!, liaison.Name, poc, now);
        gunPlan.SuggestFor(gunStrategy, now);

        var onboarding = Toolkit.Create("New site onboarding: the first six months", liaison, now);
        foreach (var id in In("Criminal Justice Collaboration", 3).Concat(In("Crime Analysis", 3)))
        {
            onboarding.Add(id, null, now);
        }

        onboarding.ShareWithSite(tampa.Id, tampa.DisplayName, liaison, now);

        var symposium = Toolkit.Create("Symposium reading list: constitutional policing", bja, now);
        foreach (var id in In("Constitutional Policing", 6))
        {
            symposium.Add(id, "For the customized symposium's breakout on policy review.", now);
        }

        db.Toolkits.AddRange(gunPlan, onboarding, symposium);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Peer exchanges between demo sites: Seattle asks to learn from a site that has done it, Pueblo among the
    /// hosts (its contact sees the invitation at home), another host already accepted (a milestone of Seattle's); Tampa's
    /// scheduled exchange with one host accepted and one that declined.</summary>
    private async Task SeedPeerExchangesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var random = new Random(2019);
        var now = clock.GetUtcNow().UtcDateTime;
        var sites = await db.Sites.Include(s => s.TeamMembers).Include(s => s.Engagements).ThenInclude(e => e.Milestones)
            .Where(s => (s.Name == "Seattle" && s.State == "WA") || (s.Name == "Tampa" && s.State == "FL") || (s.Name == "Pueblo" && s.State == "CO"))
            .AsSplitQuery().ToDictionaryAsync(s => s.Name, cancellationToken);
        var coreAreas = await db.CoreAreas.Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var pueblo = sites["Pueblo"];

        // Seattle's exchange is in an area Pueblo has done, so that the portal's own suggestion names Pueblo.
        var puebloArea = coreAreas.FirstOrDefault(a => db.Sites.Where(s => s.Id == pueblo.Id).Any(PeerExchange.HasDone(a.Id))) ?? coreAreas[0];
        var gunArea = coreAreas.First(a => a.Name == "Gun Violence");

        var seattle = await PeerRequestAsync(sites["Seattle"], puebloArea, TtaStatus.Approved, random, now, cancellationToken);
        var tampa = await PeerRequestAsync(sites["Tampa"], gunArea, TtaStatus.Scheduled, random, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        async Task<List<Site>> HostsFor(TtaRequest request) =>
            await db.Sites.Where(s => s.Id != request.SiteId && s.Id != pueblo.Id).Where(PeerExchange.HasDone(request.CoreAreaId))
                .Include(s => s.TeamMembers).OrderBy(s => s.Name).Take(2).ToListAsync(cancellationToken);

        var seattleHosts = await HostsFor(seattle);
        var tampaHosts = await HostsFor(tampa);
        var inviter = (TtaRequest r) => sites.Values.Single(s => s.Id == r.SiteId).TeamMembers.First(m => m.TeamRole == SiteTeamRole.StrategicSiteLiaison);

        Invite(seattle, pueblo.Id);
        if (seattleHosts.FirstOrDefault() is { } seattleHost)
        {
            Accept(Invite(seattle, seattleHost.Id), seattle, sites["Seattle"], seattleHost, today.AddDays(24));
        }

        if (tampaHosts.FirstOrDefault() is { } tampaHost)
        {
            Accept(Invite(tampa, tampaHost.Id), tampa, sites["Tampa"], tampaHost, today.AddDays(40));
        }

        if (tampaHosts.Skip(1).FirstOrDefault() is { } declining)
        {
            var host = declining.TeamMembers.First(m => m.TeamRole == SiteTeamRole.PointOfContact);
            Invite(tampa, declining.Id).Decline("Our violent crimes unit is moving to a new building this quarter; ask us again in the spring.", new Actor(host.UserId, host.FullName), now);
        }

        await db.SaveChangesAsync(cancellationToken);

        PeerExchange Invite(TtaRequest request, int hostId)
        {
            var liaison = inviter(request);
            var invitation = PeerExchange.Invite(request, hostId, db.PeerExchanges.Local.Where(p => p.TtaRequestId == request.Id).Select(p => p.HostSiteId), new Actor(liaison.UserId, liaison.FullName), now.AddDays(-3));
            db.PeerExchanges.Add(invitation);
            return invitation;
        }

        void Accept(PeerExchange invitation, TtaRequest request, Site requester, Site hostSite, DateOnly start)
        {
            var host = hostSite.TeamMembers.First(m => m.TeamRole == SiteTeamRole.PointOfContact);
            invitation.Accept(start, start.AddDays(1), "We will host your team for two days with our gun crime unit and prosecutors.", today, new Actor(host.UserId, host.FullName), now);
            var engagement = requester.Engagements.MaxBy(e => e.StartDate)!;
            var milestone = engagement.AddMilestone(PeerExchange.VisitMilestoneTitle(hostSite.DisplayName), MilestoneKind.PeerExchange, start, null, new Actor(host.UserId, host.FullName), now, $"Peer exchange accepted for {request.ReferenceNumber}.");
            invitation.Milestone = milestone;
        }
    }

    private async Task<TtaRequest> PeerRequestAsync(Site site, CoreArea area, TtaStatus status, Random random, DateTime now, CancellationToken cancellationToken)
    {
        var requester = site.TeamMembers.Where(m => m.TeamRole == SiteTeamRole.PointOfContact).OrderByDescending(m => m.UserId != null).First();
        var decider = site.TeamMembers.First(m => m.TeamRole == SiteTeamRole.StrategicSiteLiaison);
        var idea = new RequestCatalog.Idea(
            $"Peer exchange: learn {area.Name.ToLowerInvariant()} from a site that has done it",
            $"Our {area.Name.ToLowerInvariant()} work has stalled, and the team wants to see how another PSP site organized it, staffed it and kept it going.",
            "A two-day visit for four people, and a short list of practices to adopt within six months.",
            DeliveryMode.PeerExchange);
        var request = BuildRequest(site, area, idea, status, now.AddDays(-40), now, requester, decider, random, serviceClock);
        request.ReferenceNumber = await new ReferenceNumbers(db).NextAsync(request.CreatedAt.Year, cancellationToken);
        // Like every demo request of a site with a plan, it serves a strategy of that plan (one in its core area first).
        request.StrategyId = await db.PlanStrategies.Where(st => st.Goal!.Engagement!.SiteId == site.Id)
            .OrderBy(st => st.CoreAreaId == area.Id ? 0 : 1).ThenBy(st => st.Goal!.Number).ThenBy(st => st.Number)
            .Select(st => (int?)st.Id).FirstOrDefaultAsync(cancellationToken);
        db.TtaRequests.Add(request);
        return request;
    }
}
