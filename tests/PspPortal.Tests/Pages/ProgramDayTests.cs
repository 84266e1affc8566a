using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Data;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Pages;

/// <summary>"Today" is the program's day (ServiceTargets:TimeZone, Washington by default) on every page, so a milestone
/// turns overdue at the same moment on the site page, the milestone page and the milestone list. At 03:00 UTC on
/// December 2 it is still December 1 in Washington: a milestone due December 1 is not overdue yet; one due November 30 is.</summary>
public sealed class ProgramDayTests
{
    private static readonly DateTimeOffset EveningInWashington = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private static async Task<(int SiteId, int DueToday, int DueYesterday)> ArrangeAsync(ClockedPortalFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var siteId = await db.Sites.Where(s => s.Name == "Tampa" && s.State == "FL").Select(s => s.Id).SingleAsync();
        var engagement = await db.Engagements.Where(e => e.SiteId == siteId).OrderByDescending(e => e.StartDate).FirstAsync();
        var today = new EngagementMilestone { Title = "Due on the program's today", DueDate = new DateOnly(2026, 12, 1), OriginalDueDate = new DateOnly(2026, 12, 1) };
        var yesterday = new EngagementMilestone { Title = "Due on the program's yesterday", DueDate = new DateOnly(2026, 11, 30), OriginalDueDate = new DateOnly(2026, 11, 30) };
        engagement.Milestones.Add(today);
        engagement.Milestones.Add(yesterday);
        await db.SaveChangesAsync();
        return (siteId, today.Id, yesterday.Id);
    }

    private static string RowOf(IDocument page, string title) =>
        page.QuerySelectorAll("tr").Single(tr => tr.QuerySelector("th")?.TextContent.Trim() == title).TextContent;

    [Fact]
    public async Task A_milestone_due_today_in_washington_is_not_overdue_anywhere_though_it_is_tomorrow_in_utc()
    {
        await using var factory = new ClockedPortalFactory(EveningInWashington);
        var (siteId, dueToday, dueYesterday) = await ArrangeAsync(factory);
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);

        var site = await liaison.GetDocumentAsync($"/Sites/{siteId}");
        Assert.DoesNotContain("Overdue", RowOf(site, "Due on the program's today"), StringComparison.Ordinal);
        Assert.Contains("Overdue", RowOf(site, "Due on the program's yesterday"), StringComparison.Ordinal);

        var edit = await liaison.GetDocumentAsync($"/Milestones/{dueToday}");
        Assert.Null(edit.QuerySelector("#milestone-status.psp-overdue"));
        var late = await liaison.GetDocumentAsync($"/Milestones/{dueYesterday}");
        Assert.NotNull(late.QuerySelector("#milestone-status.psp-overdue"));

        var list = await liaison.GetDocumentAsync("/Milestones?show=Overdue");
        Assert.DoesNotContain(list.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Due on the program's today");
        Assert.Contains(list.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Due on the program's yesterday");
    }

    [Fact]
    public async Task A_plan_note_written_in_the_washington_evening_is_dated_that_day_not_the_utc_tomorrow()
    {
        await using var factory = new ClockedPortalFactory(EveningInWashington);
        await using (var db = factory.CreateDbContext())
        {
            var tampa = await db.Sites.Where(s => s.Name == "Tampa" && s.State == "FL").Select(s => s.Id).SingleAsync();
            using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
            var plan = await liaison.GetDocumentAsync($"/Sites/{tampa}/Plan");
            var written = plan.QuerySelector("input[name='Note.WrittenOn']");
            if (written is not null)
            {
                Assert.Equal("2026-12-01", written.GetAttribute("max"));
                Assert.Equal("2026-12-01", written.GetAttribute("value"));
                return;
            }
        }

        Assert.Fail("The liaison's plan page for Tampa has no progress-note form to check.");
    }
}
