using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Pages;

/// <summary>A table wrapper that scrolls must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable):
/// each is a focusable region named by its table's caption, with a visible focus outline.</summary>
[Collection(PortalTests.Name)]
public class ScrollRegionMarkupTests(PortalFactory factory)
{
    private static void AssertFocusableLabelledRegions(IDocument page, string url)
    {
        var wrappers = page.QuerySelectorAll(".psp-table-wrap");
        Assert.True(wrappers.Length > 0, $"{url} has no table wrapper");
        foreach (var wrapper in wrappers)
        {
            Assert.True(wrapper.GetAttribute("tabindex") == "0", $"{url}: a table wrapper cannot take keyboard focus");
            Assert.True(wrapper.GetAttribute("role") == "region", $"{url}: a table wrapper is not a region");
            var label = page.GetElementById(wrapper.GetAttribute("aria-labelledby") ?? string.Empty);
            Assert.True(label is not null, $"{url}: a table wrapper is named by no element");
            Assert.Same(wrapper.QuerySelector("caption"), label);
            Assert.False(string.IsNullOrWhiteSpace(label!.TextContent), $"{url}: a table wrapper's caption is empty");
        }
    }

    /// <summary>A milestone of its own with one change, so that its page has a history table.</summary>
    private async Task<int> MilestoneWithHistoryAsync(int siteId)
    {
        await using var db = factory.CreateDbContext();
        var engagement = await db.Engagements.Where(e => e.SiteId == siteId).OrderByDescending(e => e.StartDate).FirstAsync();
        var milestone = new Web.Domain.EngagementMilestone { Title = $"Scrolling history {Guid.NewGuid():N}", DueDate = TtaArrange.Today.AddDays(20), OriginalDueDate = TtaArrange.Today.AddDays(20) };
        milestone.UpdateNotes("A note, so that the history has a row.", new Web.Domain.Actor(null, "Test"), DateTime.UtcNow);
        engagement.Milestones.Add(milestone);
        await db.SaveChangesAsync();
        return milestone.Id;
    }

    [Fact]
    public async Task The_audit_trail_s_scrolling_table_is_a_labelled_region_that_takes_keyboard_focus_visibly()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);

        var page = await admin.GetDocumentAsync("/Admin/Audit");
        var css = await (await admin.GetAsync("/css/site.css")).Content.ReadAsStringAsync();

        AssertFocusableLabelledRegions(page, "/Admin/Audit");
        Assert.Equal("audit-caption", page.QuerySelector(".psp-table-wrap")!.GetAttribute("aria-labelledby"));
        Assert.Contains(".psp-table-wrap[tabindex]:focus { outline:", css, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoUsers.Liaison, "/")]
    [InlineData(DemoUsers.Bja, "/")]
    [InlineData(DemoUsers.Poc, "/")]
    [InlineData(DemoUsers.Liaison, "/Sites")]
    [InlineData(DemoUsers.Liaison, "/Sites/{tampa}")]
    [InlineData(DemoUsers.Liaison, "/Cohorts")]
    [InlineData(DemoUsers.Liaison, "/Cohorts/{cohort}")]
    [InlineData(DemoUsers.Liaison, "/Milestones")]
    [InlineData(DemoUsers.Liaison, "/Milestones/{milestone}")]
    [InlineData(DemoUsers.Liaison, "/Tta")]
    [InlineData(DemoUsers.Liaison, "/Tta/{request}")]
    [InlineData(DemoUsers.Admin, "/Admin/Users")]
    [InlineData(DemoUsers.Admin, "/Admin/Users/{liaison}")]
    [InlineData(DemoUsers.Admin, "/Sites/{tampa}/Team")]
    public async Task Every_table_wrapper_of_the_main_pages_is_a_labelled_region_that_takes_keyboard_focus(string email, string template)
    {
        await using var db = factory.CreateDbContext();
        var tampa = await db.Sites.Where(s => s.Name == "Tampa" && s.State == "FL").Select(s => s.Id).SingleAsync();
        var ids = new Dictionary<string, string>
        {
            ["{tampa}"] = tampa.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{cohort}"] = (await db.Engagements.Where(e => e.SiteId == tampa).OrderByDescending(e => e.StartDate).Select(e => e.CohortId).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{milestone}"] = template.Contains("{milestone}", StringComparison.Ordinal) ? (await MilestoneWithHistoryAsync(tampa)).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
            ["{request}"] = (await db.TtaRequests.Where(r => r.SiteId == tampa && r.History.Any()).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{liaison}"] = Uri.EscapeDataString(await db.Users.Where(u => u.Email == DemoUsers.Liaison).Select(u => u.Id).SingleAsync()),
        };
        var url = ids.Aggregate(template, (text, id) => text.Replace(id.Key, id.Value, StringComparison.Ordinal));
        using var client = await factory.SignInAsync(email);

        AssertFocusableLabelledRegions(await client.GetDocumentAsync(url), url);
    }
}
