using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Pages;

/// <summary>The figures of /Cohorts, /Cohorts/{id}, /Sites and /Milestones are cached until the data changes (ADR 0010). Right
/// after each kind of change (a TTA transition, a milestone completion, a new request) every figure they show must
/// equal a hand count of the database, never what the cache held before.</summary>
[Collection(PortalTests.Name)]
public class FiguresStayTrueTests(PortalFactory factory)
{
    private sealed record HandCount(int Due, int DoneOfDue, int Overdue, int Completed, int OnTime, int OpenRequests)
    {
        public string Progress => Due == 0 ? "—" : $"{(int)Math.Round(100.0 * DoneOfDue / Due, MidpointRounding.AwayFromZero)}%";
    }

    [Fact]
    public async Task Figures_equal_a_hand_count_after_each_kind_of_change()
    {
        var (cohortId, siteId, engagementId) = await FixtureAsync();
        using var client = await factory.SignInAsync(DemoUsers.Bja);
        await AssertPagesShowAsync(client, cohortId, siteId, engagementId);

        // A TTA transition that closes a request's clock: declined, it is no longer open.
        await using (var db = factory.CreateDbContext())
        {
            var request = await db.TtaRequests.Include(r => r.History).FirstAsync(r => r.SiteId == siteId && r.Status == TtaStatus.Submitted);
            request.Apply(TtaAction.StartReview, new Actor(null, "Test liaison"), DateTime.UtcNow);
            request.Apply(TtaAction.Decline, new Actor(null, "Test liaison"), DateTime.UtcNow, "Not this year.");
            await db.SaveChangesAsync();
        }

        await AssertPagesShowAsync(client, cohortId, siteId, engagementId);

        // A milestone completion: progress and overdue change.
        await using (var db = factory.CreateDbContext())
        {
            var today = TtaArrange.Today;
            var milestone = await db.Milestones.Include(m => m.Engagement).FirstAsync(m => m.EngagementId == engagementId && m.Status == MilestoneStatus.Planned && m.DueDate < today);
            milestone.Complete(today, today, new Actor(null, "Test liaison"), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await AssertPagesShowAsync(client, cohortId, siteId, engagementId);

        // A new request: one more open.
        await using (var db = factory.CreateDbContext())
        {
            db.TtaRequests.Add(NewRequest(siteId, await db.CoreAreas.Select(a => a.Id).FirstAsync(), TtaStatus.Submitted));
            await db.SaveChangesAsync();
        }

        await AssertPagesShowAsync(client, cohortId, siteId, engagementId);
    }

    [Fact]
    public async Task The_cohort_pages_plan_figures_change_with_the_plan()
    {
        // The whole cohort page is kept under the figures stamp, so a change of a plan must write a new stamp.
        var (cohortId, siteId, engagementId) = await FixtureAsync();
        using var client = await factory.SignInAsync(DemoUsers.Bja);
        Assert.Equal("— (0 of 0)", await PlanCellAsync(client, cohortId, siteId));

        int strategyId;
        await using (var db = factory.CreateDbContext())
        {
            var engagement = await db.Engagements.Include(e => e.Goals).SingleAsync(e => e.Id == engagementId);
            var goal = engagement.AddGoal("Reduce shootings downtown");
            var area = await db.CoreAreas.Select(a => a.Id).FirstAsync();
            var strategy = goal.AddStrategy("Open a real time crime center", area, null, null);
            goal.AddStrategy("Hire two crime analysts", area, null, null);
            await db.SaveChangesAsync();
            strategyId = strategy.Id;
        }

        Assert.Equal("0% (0 of 2)", await PlanCellAsync(client, cohortId, siteId));

        await using (var db = factory.CreateDbContext())
        {
            var strategy = await db.PlanStrategies.SingleAsync(s => s.Id == strategyId);
            strategy.Update(strategy.Title, StrategyStatus.Implemented, null, null);
            await db.SaveChangesAsync();
        }

        Assert.Equal("50% (1 of 2)", await PlanCellAsync(client, cohortId, siteId));
    }

    private static async Task<string> PlanCellAsync(PortalClient client, int cohortId, int siteId)
    {
        var cohort = await client.GetDocumentAsync($"/Cohorts/{cohortId}");
        var cell = cohort.QuerySelector($"#site-table tr[data-site-id='{siteId}'] [data-figure=plan-implemented]")!;
        cell.QuerySelector(".usa-sr-only")?.Remove();
        return System.Text.RegularExpressions.Regex.Replace(cell.TextContent.Trim(), @"\s+", " ");
    }

    private async Task AssertPagesShowAsync(PortalClient client, int cohortId, int siteId, int engagementId)
    {
        var count = await HandCountAsync(siteId, engagementId);

        var cohorts = await client.GetDocumentAsync("/Cohorts");
        var row = cohorts.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/Cohorts/{cohortId}']") is not null);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([count.Progress, count.Overdue.ToString(CultureInfo.InvariantCulture), count.OpenRequests.ToString(CultureInfo.InvariantCulture)], [cells[3], cells[5], cells[6]]);

        var cohort = await client.GetDocumentAsync($"/Cohorts/{cohortId}");
        Assert.Equal(count.Progress, cohort.QuerySelector("#cohort-progress")!.TextContent.Trim());
        Assert.Equal(count.Overdue.ToString(CultureInfo.InvariantCulture), cohort.QuerySelector("#cohort-overdue")!.TextContent.Trim());
        var siteRow = cohort.QuerySelector($"#site-table tr[data-site-id='{siteId}']")!;
        Assert.Equal(count.Progress, siteRow.QuerySelector("[data-figure=progress]")!.TextContent.Trim());
        Assert.Equal($"({count.OnTime} of {count.Completed})", siteRow.QuerySelector("[data-figure=on-time] span")!.TextContent.Trim());
        Assert.Equal(count.OpenRequests.ToString(CultureInfo.InvariantCulture), siteRow.QuerySelector("[data-figure=open-requests]")!.TextContent.Trim());

        // The milestone list caches its counts and which sites a page shows under the same stamp.
        var list = await client.GetDocumentAsync($"/Milestones?show=Overdue&cohort={cohortId}");
        var listed = list.QuerySelectorAll("a").Count(a => System.Text.RegularExpressions.Regex.IsMatch(a.GetAttribute("href") ?? string.Empty, @"^/Milestones/\d+$"));
        Assert.Equal(count.Overdue, listed);

        // The site's own page reads the same snapshot as the lists, and must agree with them after every change.
        var site = await client.GetDocumentAsync($"/Sites/{siteId}");
        Assert.Equal(count.Progress, site.QuerySelectorAll(".psp-stat__value")[0].TextContent.Trim());
    }

    [Fact]
    public async Task A_home_s_overdue_milestones_change_with_a_completion_at_once()
    {
        // The homes keep their figures under the stamp: a milestone completed drops off BJA staff's overdue list on
        // the very next view. Due thirty years ago, so that it heads the program's list.
        var (_, _, engagementId) = await FixtureAsync();
        var title = $"Oldest overdue {Guid.NewGuid():N}";
        var today = TtaArrange.Today;
        int id;
        await using (var db = factory.CreateDbContext())
        {
            var due = today.AddYears(-30);
            var milestone = new EngagementMilestone { EngagementId = engagementId, Title = title, DueDate = due, OriginalDueDate = due, Status = MilestoneStatus.Planned };
            db.Milestones.Add(milestone);
            await db.SaveChangesAsync();
            id = milestone.Id;
        }

        using var client = await factory.SignInAsync(DemoUsers.Bja);
        Assert.Contains(title, (await client.GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(title, (await client.GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);

        await using (var db = factory.CreateDbContext())
        {
            var milestone = await db.Milestones.Include(m => m.Engagement).SingleAsync(m => m.Id == id);
            milestone.Complete(today, today, new Actor(null, "Test liaison"), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        Assert.DoesNotContain(title, (await client.GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_s_filter_offers_new_and_renamed_cohorts_sites_and_core_areas_at_once()
    {
        // The lists keep their filters' choices under the figures stamp: a change must show on the very next view.
        using var client = await factory.SignInAsync(DemoUsers.Bja);
        static List<string> Options(AngleSharp.Dom.IDocument page, string select) =>
            page.QuerySelectorAll($"#{select} option").Select(o => o.TextContent.Trim()).ToList();
        Assert.NotEmpty(Options(await client.GetDocumentAsync("/Tta"), "filter-cohort"));
        Assert.NotEmpty(Options(await client.GetDocumentAsync("/Milestones"), "filter-cohort"));
        Assert.NotEmpty(Options(await client.GetDocumentAsync("/Sites"), "filter-cohort"));
        static string Caption(AngleSharp.Dom.IDocument page) => page.QuerySelector("#sites-caption")!.TextContent.Trim();
        var zzBefore = Caption(await client.GetDocumentAsync("/Sites?state=ZZ"));

        var (cohortId, siteId, _) = await FixtureAsync();
        await using (var db = factory.CreateDbContext())
        {
            var zz = await db.Sites.CountAsync(s => s.State == "ZZ");
            Assert.NotEqual($"{zz} {(zz == 1 ? "site" : "sites")}", zzBefore);
            Assert.StartsWith($"{zz} {(zz == 1 ? "site" : "sites")}", Caption(await client.GetDocumentAsync("/Sites?state=ZZ")), StringComparison.Ordinal);
        }

        Assert.Contains("ZZ", Options(await client.GetDocumentAsync("/Sites"), "filter-state"));
        string cohortName, siteName;
        var areaName = $"Filter area {Guid.NewGuid():N}"[..24];
        await using (var db = factory.CreateDbContext())
        {
            cohortName = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Name).SingleAsync();
            siteName = await db.Sites.Where(s => s.Id == siteId).Select(s => s.Name + ", " + s.State).SingleAsync();
        }

        Assert.Contains(cohortName, Options(await client.GetDocumentAsync("/Tta"), "filter-cohort"));
        // A core area added for the test and taken away again, so that the other tests of the portal see the eight.
        await using (var db = factory.CreateDbContext())
        {
            db.CoreAreas.Add(new CoreArea { Name = areaName, SortOrder = 99 });
            await db.SaveChangesAsync();
        }

        try
        {
            Assert.Contains(areaName, Options(await client.GetDocumentAsync("/Tta"), "filter-core-area"));
        }
        finally
        {
            await using var db = factory.CreateDbContext();
            db.CoreAreas.RemoveRange(await db.CoreAreas.Where(a => a.Name == areaName).ToListAsync());
            await db.SaveChangesAsync();
        }

        Assert.Contains(cohortName, Options(await client.GetDocumentAsync("/Milestones"), "filter-cohort"));
        Assert.Contains(cohortName, Options(await client.GetDocumentAsync("/Sites"), "filter-cohort"));
        Assert.Contains(siteName, Options(await client.GetDocumentAsync($"/Tta?cohort={cohortId}"), "filter-site"));
        Assert.Contains(siteName, Options(await client.GetDocumentAsync($"/Milestones?cohort={cohortId}"), "filter-site"));

        await using (var db = factory.CreateDbContext())
        {
            var site = await db.Sites.SingleAsync(s => s.Id == siteId);
            site.Name += " Renamed";
            await db.SaveChangesAsync();
            siteName = site.Name + ", " + site.State;
        }

        Assert.Contains(siteName, Options(await client.GetDocumentAsync($"/Tta?cohort={cohortId}"), "filter-site"));
        Assert.Contains(siteName, Options(await client.GetDocumentAsync($"/Milestones?cohort={cohortId}"), "filter-site"));
    }

    /// <summary>The figures counted in C# from the rows themselves, with the rules written out (not the app's code).</summary>
    private async Task<HandCount> HandCountAsync(int siteId, int engagementId)
    {
        await using var db = factory.CreateDbContext();
        var today = TtaArrange.Today;
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.EngagementId == engagementId).ToListAsync();
        var requests = await db.TtaRequests.AsNoTracking().Where(r => r.SiteId == siteId).ToListAsync();
        TtaStatus[] closed = [TtaStatus.Delivered, TtaStatus.Closed, TtaStatus.Declined, TtaStatus.Withdrawn];
        return new HandCount(
            milestones.Count(m => m.DueDate <= today && m.Status != MilestoneStatus.Deferred),
            milestones.Count(m => m.DueDate <= today && m.Status == MilestoneStatus.Completed),
            milestones.Count(m => m.DueDate < today && m.Status == MilestoneStatus.Planned),
            milestones.Count(m => m.Status == MilestoneStatus.Completed),
            milestones.Count(m => m.Status == MilestoneStatus.Completed && m.CompletedOn <= m.DueDate),
            requests.Count(r => !closed.Contains(r.Status)));
    }

    private async Task<(int CohortId, int SiteId, int EngagementId)> FixtureAsync()
    {
        await using var db = factory.CreateDbContext();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var today = TtaArrange.Today;
        var cohort = new Cohort { Name = $"Figures cohort {suffix}", Year = 2098 };
        var site = new Site { Name = $"Figures {suffix}", State = "ZZ" };
        var engagement = new Engagement { Site = site, Cohort = cohort, Status = EngagementStatus.Active, Track = EngagementTrack.Standard };
        engagement.StartOn(today.AddDays(-400));
        for (var i = 0; i < 6; i++)
        {
            var due = today.AddDays(-300 + i * 90);
            engagement.Milestones.Add(new EngagementMilestone
            {
                Title = $"Milestone {i + 1}",
                DueDate = due,
                OriginalDueDate = due,
                Status = i == 0 ? MilestoneStatus.Completed : MilestoneStatus.Planned,
                CompletedOn = i == 0 ? due.AddDays(2) : null,
            });
        }

        db.Engagements.Add(engagement);
        await db.SaveChangesAsync();
        var area = await db.CoreAreas.Select(a => a.Id).FirstAsync();
        db.TtaRequests.AddRange(NewRequest(site.Id, area, TtaStatus.Submitted), NewRequest(site.Id, area, TtaStatus.Submitted), NewRequest(site.Id, area, TtaStatus.Closed));
        await db.SaveChangesAsync();
        return (cohort.Id, site.Id, engagement.Id);
    }

    private static TtaRequest NewRequest(int siteId, int coreAreaId, TtaStatus status) => new()
    {
        ReferenceNumber = $"FIG-{Guid.NewGuid():N}"[..20],
        SiteId = siteId,
        CoreAreaId = coreAreaId,
        Title = "Figures fixture",
        Description = "A request counted by hand.",
        DesiredOutcome = "Figures that stay true.",
        RequesterName = "Test",
        Status = status,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
        NeededBy = TtaArrange.Today.AddDays(60),
    };
}
