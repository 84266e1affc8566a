using System.Net;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Domain;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Pages;

/// <summary>A cohort of one site whose eight milestones are counted by hand (<see cref="MilestoneFiguresTests.HandCounted"/>):
/// progress 3 of 5 due = 60%, on time 2 of 4 completed = 50%, 2 overdue. The pages must show exactly that.</summary>
[Collection(PortalTests.Name)]
public class ProgressFigureTests(PortalFactory factory)
{
    private async Task<(int CohortId, int SiteId, string SiteName)> FixtureAsync()
    {
        await using var db = factory.CreateDbContext();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var cohort = new Cohort { Name = $"Fixture cohort {suffix}", Year = 2099 };
        var site = new Site { Name = $"Handcount {suffix}", State = "ZZ" };
        var engagement = new Engagement { Site = site, Cohort = cohort, Status = EngagementStatus.Active, Track = EngagementTrack.Standard };
        engagement.StartOn(TtaArrange.Today.AddDays(-400));
        var today = TtaArrange.Today;
        var n = 0;
        foreach (var m in MilestoneFiguresTests.HandCounted())
        {
            // The hand-counted milestones are dated around a fixed day; move them around today.
            var shift = today.DayNumber - new DateOnly(2026, 11, 23).DayNumber;
            m.Title = $"Milestone {++n}";
            m.DueDate = m.DueDate.AddDays(shift);
            m.OriginalDueDate = m.DueDate;
            m.CompletedOn = m.CompletedOn?.AddDays(shift);
            engagement.Milestones.Add(m);
        }

        db.Engagements.Add(engagement);
        await db.SaveChangesAsync();
        return (cohort.Id, site.Id, site.DisplayName);
    }

    [Fact]
    public async Task Cohort_page_figures_equal_a_hand_count()
    {
        var (cohortId, siteId, _) = await FixtureAsync();
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var page = await client.GetDocumentAsync($"/Cohorts/{cohortId}");

        Assert.Equal("60%", page.QuerySelector("#cohort-progress")!.TextContent.Trim());
        Assert.Equal("50%", page.QuerySelector("#cohort-on-time")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("#cohort-overdue")!.TextContent.Trim());
        var row = page.QuerySelector($"#site-table tr[data-site-id='{siteId}']")!;
        Assert.Equal("60%", row.QuerySelector("[data-figure=progress]")!.TextContent.Trim());
        Assert.StartsWith("50%", row.QuerySelector("[data-figure=on-time]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("2", row.QuerySelector("[data-figure=overdue]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Site_page_figures_and_timeline_equal_a_hand_count()
    {
        var (_, siteId, siteName) = await FixtureAsync();
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var page = await client.GetDocumentAsync($"/Sites/{siteId}");

        var stats = page.QuerySelectorAll(".psp-stat__value").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(["60%", "50%", "2"], stats.Take(3));
        var svg = page.QuerySelector("#timeline")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal($"Engagement timeline of {siteName}", page.QuerySelector("#timeline-title")!.TextContent);
        Assert.Contains("8 milestones: 4 completed, 2 overdue, 1 upcoming, 1 deferred", page.QuerySelector("#timeline-desc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(8, svg.QuerySelectorAll("[data-milestone]").Length);
        Assert.Equal(8, page.QuerySelectorAll("#milestone-table tbody tr").Length);
        Assert.Equal(2, page.QuerySelectorAll("#milestone-table tbody .psp-overdue").Length);
    }

    [Fact]
    public async Task Cohorts_list_shows_the_same_figures()
    {
        var (cohortId, _, _) = await FixtureAsync();
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var page = await client.GetDocumentAsync("/Cohorts");

        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/Cohorts/{cohortId}']") is not null);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["2099", "1", "1", "60%", "50%", "2", "0"], cells);
    }

    [Fact]
    public async Task Cohort_export_is_csv_with_a_line_per_site_and_the_same_figures()
    {
        var (cohortId, _, siteName) = await FixtureAsync();
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var response = await client.GetAsync($"/Cohorts/{cohortId}/Export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Site,State,Cohort,Track,Status,Start,End,MilestonesDue,MilestonesDoneOfDue,ProgressPercent,MilestonesCompleted,MilestonesOnTime,OnTimePercent,MilestonesOverdue", lines[0], StringComparison.Ordinal);
        var cells = lines[1].Split(',');
        Assert.Equal(siteName.Split(", ")[0], cells[0]);
        Assert.Equal(["5", "3", "60", "4", "2", "50", "2"], cells[7..14]);
    }

    [Fact]
    public async Task Cohort_export_of_a_cohort_out_of_scope_answers_404()
    {
        var (cohortId, _, _) = await FixtureAsync();
        using var client = await factory.SignInAsync(DemoUsers.Poc);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Cohorts/{cohortId}/Export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Cohorts/{cohortId}")).StatusCode);
    }

    [Fact]
    public async Task Cohort_page_draws_its_charts_with_a_table_beside_each()
    {
        await using var db = factory.CreateDbContext();
        var cohort2017 = await db.Cohorts.Where(c => c.Year == 2017).Select(c => c.Id).SingleAsync();
        var sites = await db.Engagements.CountAsync(e => e.CohortId == cohort2017);
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var page = await client.GetDocumentAsync($"/Cohorts/{cohort2017}");

        var progress = page.QuerySelector("#progress-chart")!;
        Assert.Equal("progress-chart-title progress-chart-desc", progress.GetAttribute("aria-labelledby"));
        Assert.Equal(sites, progress.QuerySelectorAll(".psp-chart__row").Length);
        Assert.Equal(sites, page.QuerySelector("#core-area-chart")!.QuerySelectorAll(".psp-chart__row").Length);
        Assert.Equal(sites, page.QuerySelectorAll("#core-area-table tbody tr").Length);
        Assert.Empty(page.QuerySelectorAll("main [style]"));
    }

    [Fact]
    public async Task Bja_home_compares_cohorts_in_a_chart_and_a_table()
    {
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var page = await client.GetDocumentAsync("/");

        var chart = page.QuerySelector("#cohort-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal(page.QuerySelectorAll("#cohorts-heading ~ div table tbody tr").Length, chart.QuerySelectorAll(".psp-chart__row").Length);
    }
}
