using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;

namespace PspPortal.Tests.Data;

[Collection(PortalTests.Name)]
public class DemoSeedTests(PortalFactory factory)
{
    [Fact]
    public async Task Seeding_a_second_time_adds_nothing()
    {
        _ = factory.Server; // the first start has migrated and seeded
        async Task<int[]> CountAsync()
        {
            await using var db = factory.CreateDbContext();
            return
            [
                await db.Cohorts.CountAsync(), await db.Sites.CountAsync(), await db.Engagements.CountAsync(),
                await db.Milestones.CountAsync(), await db.SiteTeamMembers.CountAsync(), await db.CoreAreas.CountAsync(),
                await db.TtaRequests.CountAsync(), await db.Users.CountAsync(), await db.Roles.CountAsync(),
                await db.Assessments.CountAsync(), await db.Recommendations.CountAsync(), await db.PlanGoals.CountAsync(),
                await db.PlanStrategies.CountAsync(), await db.StrategyNotes.CountAsync(), await db.CapacityGrants.CountAsync(),
            ];
        }

        var before = await CountAsync();
        await factory.Services.MigrateAndSeedAsync();
        var after = await CountAsync();

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_real_cohorts_and_sites_are_seeded()
    {
        await using var db = factory.CreateDbContext();

        var cohorts = await db.Cohorts.OrderBy(c => c.Year).Select(c => c.Year).ToListAsync();
        var kansasCity = await db.Engagements.Where(e => e.Site!.Name == "Kansas City").OrderBy(e => e.StartDate)
            .Select(e => new { e.Cohort!.Year, e.Track }).ToListAsync();

        Assert.Equal([2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024], cohorts);
        Assert.True(await db.Sites.AnyAsync(s => s.Name == "Camden" && s.State == "NJ"));
        Assert.Equal(2, await db.Engagements.CountAsync(e => e.Site!.Name == "Baton Rouge"));
        Assert.Equal([(2017, EngagementTrack.Diagnostic), (2018, EngagementTrack.Operations)], kansasCity.Select(e => (e.Year, e.Track)));
        Assert.Equal(CoreArea.Today, await db.CoreAreas.OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync());
        // The standard plan's twelve, and beside them only the visits of accepted peer exchanges.
        Assert.Equal(0, await db.Engagements.CountAsync(e => e.Milestones.Count(m => !db.PeerExchanges.Any(p => p.MilestoneId == m.Id)) != 12));
        Assert.Equal(
            await db.PeerExchanges.CountAsync(p => p.Status == PeerExchangeStatus.Accepted),
            await db.Milestones.CountAsync(m => db.PeerExchanges.Any(p => p.MilestoneId == m.Id && p.Status == PeerExchangeStatus.Accepted)));
    }

    [Fact]
    public async Task The_demo_accounts_have_the_scopes_of_the_specification()
    {
        await using var db = factory.CreateDbContext();
        async Task<List<string>> SitesOf(string email) => await db.SiteTeamMembers
            .Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == email)).Select(m => m.Site!.Name).OrderBy(n => n).ToListAsync();

        var liaisonCohorts = await db.SiteTeamMembers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.Liaison))
            .Select(m => m.Site!.Engagements.OrderByDescending(e => e.StartDate).First().CohortId).Distinct().CountAsync();

        Assert.Equal(["Tampa"], await SitesOf(DemoUsers.Poc));
        Assert.Equal(["Pueblo"], await SitesOf(DemoUsers.Poc2));
        Assert.True((await SitesOf(DemoUsers.Liaison)).Count >= 3);
        Assert.Contains("Tampa", await SitesOf(DemoUsers.Liaison));
        Assert.DoesNotContain("Pueblo", await SitesOf(DemoUsers.Liaison));
        Assert.True(liaisonCohorts >= 2);
        Assert.True((await SitesOf(DemoUsers.Champion)).Count >= 3);
        Assert.True((await SitesOf(DemoUsers.Analyst)).Count >= 2);
    }

    [Fact]
    public async Task The_site_of_poc_is_under_way_with_milestones_done_and_overdue()
    {
        await using var db = factory.CreateDbContext();
        var today = TtaArrange.Today;

        var engagement = await db.Engagements.Include(e => e.Milestones)
            .Where(e => e.Site!.Name == "Tampa").OrderByDescending(e => e.StartDate).FirstAsync();

        Assert.Equal(EngagementStatus.Active, engagement.Status);
        Assert.Contains(engagement.Milestones, m => m.Status == MilestoneStatus.Completed);
        Assert.Contains(engagement.Milestones, m => m.IsOverdueOn(today));
    }

    [Fact]
    public async Task Requests_cover_every_state_and_every_core_area_with_consistent_history()
    {
        await using var db = factory.CreateDbContext();

        var statuses = await db.TtaRequests.Select(r => r.Status).Distinct().ToListAsync();
        var areas = await db.TtaRequests.Select(r => r.CoreAreaId).Distinct().CountAsync();
        var requests = await db.TtaRequests.Include(r => r.History).AsSplitQuery().ToListAsync();

        Assert.Equal(Enum.GetValues<TtaStatus>().Order(), statuses.Order());
        Assert.Equal(8, areas);
        Assert.All(requests, r =>
        {
            Assert.Matches(@"^TTA-\d{4}-\d{5}$", r.ReferenceNumber);
            var history = r.History.OrderBy(h => h.OccurredAt).ThenBy(h => h.Id).ToList();
            var state = TtaStatus.Draft;
            foreach (var step in history)
            {
                Assert.Equal(state, step.FromStatus);
                Assert.Equal(TtaWorkflow.Target(step.FromStatus, step.Action), step.ToStatus);
                state = step.ToStatus;
            }

            Assert.Equal(r.Status, state);
        });
        Assert.Equal(requests.Count, requests.Select(r => r.ReferenceNumber).Distinct().Count());
    }
}
