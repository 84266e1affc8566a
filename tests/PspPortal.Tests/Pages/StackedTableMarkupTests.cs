using System.Globalization;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Pages;

/// <summary>Tables stay readable at a phone's width: every table of the main pages is a USWDS stacked table, and every
/// cell of its body carries the name of its column (data-label), which is what the stacked layout shows beside it.</summary>
[Collection(PortalTests.Name)]
public class StackedTableMarkupTests(PortalFactory factory)
{
    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void AssertStackedAndLabelled(IDocument page, string url)
    {
        var tables = page.QuerySelectorAll("main table");
        Assert.True(tables.Length > 0, $"{url} has no table");
        foreach (var table in tables)
        {
            var name = table.QuerySelector("caption") is { } caption ? Text(caption) : "(no caption)";
            Assert.True(
                table.ClassList.Contains("usa-table--stacked") || table.ClassList.Contains("usa-table--stacked-header"),
                $"{url}: table \"{name}\" does not stack at a phone's width");
            var headers = table.QuerySelectorAll("thead th").Select(Text).ToList();
            var rows = table.QuerySelectorAll("tbody tr");
            Assert.True(rows.Length > 0, $"{url}: table \"{name}\" has no rows to check");
            foreach (var row in rows)
            {
                var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
                if (cells is [var only] && only.GetAttribute("colspan") == headers.Count.ToString(CultureInfo.InvariantCulture))
                {
                    continue; // a row that says the table is empty
                }

                Assert.Equal(headers, cells.Select(c => c.GetAttribute("data-label") ?? $"(none on \"{Text(c)}\")"));
            }
        }
    }

    /// <summary>A milestone of its own with one change, so that its page has a history table.</summary>
    private async Task<int> MilestoneWithHistoryAsync(int siteId)
    {
        await using var db = factory.CreateDbContext();
        var engagement = await db.Engagements.Where(e => e.SiteId == siteId).OrderByDescending(e => e.StartDate).FirstAsync();
        var milestone = new Web.Domain.EngagementMilestone { Title = $"Stacked history {Guid.NewGuid():N}", DueDate = TtaArrange.Today.AddDays(20), OriginalDueDate = TtaArrange.Today.AddDays(20) };
        milestone.UpdateNotes("A note, so that the history has a row.", new Web.Domain.Actor(null, "Test"), DateTime.UtcNow);
        engagement.Milestones.Add(milestone);
        await db.SaveChangesAsync();
        return milestone.Id;
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
    [InlineData(DemoUsers.Admin, "/Admin/Audit")]
    [InlineData(DemoUsers.Admin, "/Sites/{tampa}/Team")]
    public async Task Every_table_of_the_main_pages_stacks_with_each_cell_labelled_by_its_column(string email, string template)
    {
        await using var db = factory.CreateDbContext();
        var tampa = await db.Sites.Where(s => s.Name == "Tampa" && s.State == "FL").Select(s => s.Id).SingleAsync();
        var ids = new Dictionary<string, Func<Task<string>>>
        {
            ["{tampa}"] = () => Task.FromResult(tampa.ToString(CultureInfo.InvariantCulture)),
            ["{cohort}"] = async () => (await db.Engagements.Where(e => e.SiteId == tampa).OrderByDescending(e => e.StartDate).Select(e => e.CohortId).FirstAsync()).ToString(CultureInfo.InvariantCulture),
            ["{milestone}"] = async () => (await MilestoneWithHistoryAsync(tampa)).ToString(CultureInfo.InvariantCulture),
            ["{request}"] = async () => (await db.TtaRequests.Where(r => r.SiteId == tampa && r.History.Any()).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture),
            ["{liaison}"] = async () => Uri.EscapeDataString(await db.Users.Where(u => u.Email == DemoUsers.Liaison).Select(u => u.Id).SingleAsync()),
        };
        var url = template;
        foreach (var (key, value) in ids.Where(id => template.Contains(id.Key, StringComparison.Ordinal)))
        {
            url = url.Replace(key, await value(), StringComparison.Ordinal);
        }

        using var client = await factory.SignInAsync(email);

        AssertStackedAndLabelled(await client.GetDocumentAsync(url), url);
    }
}
