using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;

namespace PspPortal.Tests.Data;

/// <summary>The portal on an empty database of its own with its clock (the TimeProvider every service asks) fixed at
/// one moment, so that the demo program is seeded as it would be on that day.</summary>
public sealed class ClockedPortalFactory(DateTimeOffset now) : PortalFactory
{
    public DateTimeOffset Now { get; } = now;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock(Now)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>The demo accounts' contract (docs/product.md, "Demo data and accounts") holds whatever day the portal is
/// first started: the engagements' dates follow the clock, while the cohorts keep their real names and years.</summary>
public class DemoSeedClockTests
{
    private static DateTimeOffset MomentOf(string day) => day == "today"
        ? DateTimeOffset.UtcNow
        : DateTimeOffset.Parse(day, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).AddHours(14);

    [Theory]
    [InlineData("today")]
    [InlineData("2027-07-15")] // after the real 2024 cohort's engagements ended: the fixed dates broke the contract here
    [InlineData("2031-06-01")]
    public async Task Poc_s_site_is_under_way_with_milestones_done_and_overdue_whatever_the_day(string day)
    {
        await using var factory = new ClockedPortalFactory(MomentOf(day));
        _ = factory.Server; // migrated and seeded on that day
        await using var db = factory.CreateDbContext();

        var pocSites = await db.SiteTeamMembers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.Poc)).Select(m => m.SiteId).ToListAsync();
        var engagement = await db.Engagements.Include(e => e.Milestones).Include(e => e.Cohort).Include(e => e.Site)
            .Where(e => e.SiteId == pocSites.Single()).OrderByDescending(e => e.StartDate).FirstAsync();

        Assert.Equal(("Tampa", "FL", 2024), (engagement.Site!.Name, engagement.Site.State, engagement.Cohort!.Year));
        Assert.Equal(EngagementStatus.Active, engagement.Status);
        Assert.Equal(EngagementStatus.Active, Engagement.StatusOn(engagement.StartDate, factory.Today));
        Assert.Contains(engagement.Milestones, m => m.Status == MilestoneStatus.Completed);
        Assert.Contains(engagement.Milestones, m => m.IsOverdueOn(factory.Today));
        Assert.Contains(engagement.Milestones, m => m.Status == MilestoneStatus.Planned && m.DueDate >= factory.Today);
    }

    [Theory]
    [InlineData("today")]
    [InlineData("2031-06-01")]
    public async Task The_other_accounts_scopes_and_the_requests_hold_whatever_the_day_and_nothing_happened_after_it(string day)
    {
        await using var factory = new ClockedPortalFactory(MomentOf(day));
        _ = factory.Server;
        await using var db = factory.CreateDbContext();
        async Task<List<string>> SitesOf(string email) => await db.SiteTeamMembers
            .Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == email)).Select(m => m.Site!.Name).OrderBy(n => n).ToListAsync();
        var now = factory.Now.UtcDateTime;
        var today = factory.Today;

        var liaisonCohorts = await db.SiteTeamMembers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.Liaison))
            .Select(m => m.Site!.Engagements.OrderByDescending(e => e.StartDate).First().CohortId).Distinct().CountAsync();
        var liaisonOverdue = await db.Milestones.CountAsync(m =>
            m.Engagement!.Site!.TeamMembers.Any(t => db.Users.Any(u => u.Id == t.UserId && u.Email == DemoUsers.Liaison))
            && m.Status == MilestoneStatus.Planned && m.DueDate < today);
        var requests = await db.TtaRequests.Include(r => r.History).Include(r => r.Comments).AsSplitQuery().ToListAsync();
        var milestones = await db.Milestones.Include(m => m.Engagement).ToListAsync();

        Assert.Equal(["Tampa"], await SitesOf(DemoUsers.Poc));
        Assert.Equal(["Pueblo"], await SitesOf(DemoUsers.Poc2));
        Assert.True((await SitesOf(DemoUsers.Liaison)).Count >= 3);
        Assert.Contains("Tampa", await SitesOf(DemoUsers.Liaison));
        Assert.DoesNotContain("Pueblo", await SitesOf(DemoUsers.Liaison));
        Assert.True(liaisonCohorts >= 2);
        Assert.True(liaisonOverdue >= 1);
        Assert.True((await SitesOf(DemoUsers.Champion)).Count >= 3);
        Assert.True((await SitesOf(DemoUsers.Analyst)).Count >= 2);

        Assert.Equal(Enum.GetValues<TtaStatus>().Order(), requests.Select(r => r.Status).Distinct().Order());
        Assert.Equal(8, requests.Select(r => r.CoreAreaId).Distinct().Count());
        Assert.All(requests, r =>
        {
            Assert.True(r.CreatedAt <= now, $"{r.ReferenceNumber} was created after the seed's clock");
            Assert.All(r.History, h => Assert.True(h.OccurredAt <= now, $"{r.ReferenceNumber} moved after the seed's clock"));
            Assert.All(r.Comments, c => Assert.True(c.CreatedAt <= now, $"{r.ReferenceNumber} has a comment after the seed's clock"));
            Assert.StartsWith($"TTA-{r.CreatedAt.Year}-", r.ReferenceNumber, StringComparison.Ordinal);
        });
        Assert.All(milestones.Where(m => m.CompletedOn is not null), m =>
            Assert.True(m.Engagement!.CompletionDates(today).Contains(m.CompletedOn!.Value), $"milestone {m.Id} completed on {m.CompletedOn}, outside its engagement's completion dates"));
        Assert.All(await db.Engagements.ToListAsync(), e => Assert.True(e.StartDate <= today, $"engagement {e.Id} starts after the seed's day"));
    }

    [Fact]
    public async Task The_same_day_gives_the_same_dates_and_a_second_seed_adds_nothing()
    {
        // 55 whole months after November 2026, the month whose program the catalogue describes: the 2024 cohort's
        // fifth site, Tampa (June 3, 2024 plus four weeks), starts 55 months after July 1, 2024.
        await using var factory = new ClockedPortalFactory(new DateTimeOffset(2031, 6, 1, 23, 30, 0, TimeSpan.Zero));
        _ = factory.Server;
        async Task<List<string>> SnapshotAsync()
        {
            await using var db = factory.CreateDbContext();
            var engagements = await db.Engagements.OrderBy(e => e.Id)
                .Select(e => $"{e.Site!.Name} {e.Cohort!.Year} {e.StartDate:O} {e.Status}").ToListAsync();
            var milestones = await db.Milestones.OrderBy(m => m.Id).Select(m => $"{m.DueDate:O} {m.Status} {m.CompletedOn:O}").ToListAsync();
            var requests = await db.TtaRequests.OrderBy(r => r.Id).Select(r => $"{r.ReferenceNumber} {r.Status} {r.CreatedAt:O}").ToListAsync();
            return [.. engagements, .. milestones, .. requests, $"{await db.Users.CountAsync()} users", $"{await db.SiteTeamMembers.CountAsync()} places"];
        }

        var before = await SnapshotAsync();
        await factory.Services.MigrateAndSeedAsync();
        var after = await SnapshotAsync();

        await using var check = factory.CreateDbContext();
        var tampa = await check.Engagements.Where(e => e.Site!.Name == "Tampa").Select(e => e.StartDate).SingleAsync();
        Assert.Equal(new DateOnly(2029, 1, 31), tampa);
        Assert.Equal(before, after);
    }
}
