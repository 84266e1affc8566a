using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Pages;

/// <summary>The structure accessibility checks rely on, for the pages of this feature: one h1, no duplicate ids,
/// a label for every control, no inline styles (the content security policy will refuse them).</summary>
[Collection(PortalTests.Name)]
public class MilestoneMarkupTests(PortalFactory factory)
{
    [Theory]
    [InlineData(DemoUsers.Liaison)]
    [InlineData(DemoUsers.Bja)]
    [InlineData(DemoUsers.Analyst)]
    [InlineData(DemoUsers.Poc)]
    public async Task Feature_pages_have_one_h1_unique_ids_labelled_controls_and_no_inline_styles(string email)
    {
        await using var db = factory.CreateDbContext();
        var tampa = await db.Sites.Where(s => s.Name == "Tampa" && s.State == "FL").Select(s => s.Id).SingleAsync();
        var milestone = await db.Milestones.Where(m => m.Engagement!.SiteId == tampa).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        var cohort = await db.Engagements.Where(e => e.SiteId == tampa).OrderByDescending(e => e.StartDate).Select(e => e.CohortId).FirstAsync();
        using var client = await factory.SignInAsync(email);

        foreach (var url in new[] { "/", $"/Sites/{tampa}", $"/Milestones/{milestone}", "/Milestones", "/Cohorts", $"/Cohorts/{cohort}" })
        {
            var page = await client.GetDocumentAsync(url);

            Assert.Single(page.QuerySelectorAll("h1"));
            var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
            Assert.True(ids.Count == ids.Distinct(StringComparer.Ordinal).Count(), $"{url} repeats an id: {string.Join(", ", ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key))}");
            foreach (var control in page.QuerySelectorAll("main input:not([type=hidden]), main select, main textarea"))
            {
                Assert.True(page.QuerySelector($"label[for='{control.Id}']") is not null, $"{url}: control {control.Id} has no label");
            }

            Assert.Empty(page.QuerySelectorAll("[style]"));
            foreach (var svg in page.QuerySelectorAll("svg"))
            {
                Assert.Equal("img", svg.GetAttribute("role"));
                Assert.All(svg.GetAttribute("aria-labelledby")!.Split(' '), id => Assert.NotNull(page.GetElementById(id)));
            }
        }
    }

    [Fact]
    public async Task Liaison_edit_page_offers_the_three_actions_by_their_labels()
    {
        await using var db = factory.CreateDbContext();
        var open = await db.Milestones
            .Where(m => m.Engagement!.Site!.Name == "Tampa" && m.Status == Web.Domain.MilestoneStatus.Planned)
            .Select(m => m.Id).FirstAsync();
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var page = await client.GetDocumentAsync($"/Milestones/{open}");

        var buttons = page.QuerySelectorAll("main button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Contains("Mark complete", buttons);
        Assert.Contains("Reschedule", buttons);
        Assert.Contains("Defer", buttons);
    }
}
