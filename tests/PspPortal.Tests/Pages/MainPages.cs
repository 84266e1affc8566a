using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Pages;

/// <summary>The main pages with tables, each as the account that sees it and a route template whose placeholders
/// ({tampa}, {cohort}, {milestone}, {request}, {liaison}) name records of the demo data; the markup tests (stacked
/// tables, scrolling regions) check each of them.</summary>
public static class MainPages
{
    public static TheoryData<string, string> WithTables { get; } = new()
    {
        { DemoUsers.Liaison, "/" },
        { DemoUsers.Bja, "/" },
        { DemoUsers.Poc, "/" },
        { DemoUsers.Liaison, "/Sites" },
        { DemoUsers.Liaison, "/Sites/{tampa}" },
        { DemoUsers.Liaison, "/Cohorts" },
        { DemoUsers.Liaison, "/Cohorts/{cohort}" },
        { DemoUsers.Liaison, "/Milestones" },
        { DemoUsers.Liaison, "/Milestones/{milestone}" },
        { DemoUsers.Liaison, "/Tta" },
        { DemoUsers.Liaison, "/Tta/{request}" },
        { DemoUsers.Admin, "/Admin/Users" },
        { DemoUsers.Admin, "/Admin/Users/{liaison}" },
        { DemoUsers.Admin, "/Admin/Audit" },
        { DemoUsers.Admin, "/Sites/{tampa}/Team" },
    };

    /// <summary>The template with its placeholders replaced; a milestone with one change (so that its page has a history
    /// table) is made only when the template asks for one.</summary>
    public static async Task<string> UrlAsync(PortalFactory factory, string template)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = factory.CreateDbContext();
        var tampa = await db.Sites.Where(s => s.Name == "Tampa" && s.State == "FL").Select(s => s.Id).SingleAsync();
        var ids = new Dictionary<string, Func<Task<string>>>
        {
            ["{tampa}"] = () => Task.FromResult(tampa.ToString(CultureInfo.InvariantCulture)),
            ["{cohort}"] = async () => (await db.Engagements.Where(e => e.SiteId == tampa).OrderByDescending(e => e.StartDate).Select(e => e.CohortId).FirstAsync()).ToString(CultureInfo.InvariantCulture),
            ["{milestone}"] = async () => (await MilestoneWithHistoryAsync(db, tampa)).ToString(CultureInfo.InvariantCulture),
            ["{request}"] = async () => (await db.TtaRequests.Where(r => r.SiteId == tampa && r.History.Any()).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture),
            ["{liaison}"] = async () => Uri.EscapeDataString(await db.Users.Where(u => u.Email == DemoUsers.Liaison).Select(u => u.Id).SingleAsync()),
        };
        var url = template;
        foreach (var (key, value) in ids.Where(id => template.Contains(id.Key, StringComparison.Ordinal)))
        {
            url = url.Replace(key, await value(), StringComparison.Ordinal);
        }

        return url;
    }

    private static async Task<int> MilestoneWithHistoryAsync(Web.Data.PortalDbContext db, int siteId)
    {
        var engagement = await db.Engagements.Where(e => e.SiteId == siteId).OrderByDescending(e => e.StartDate).FirstAsync();
        var milestone = new EngagementMilestone { Title = $"Table history {Guid.NewGuid():N}", DueDate = TtaArrange.Today.AddDays(20), OriginalDueDate = TtaArrange.Today.AddDays(20) };
        milestone.UpdateNotes("A note, so that the history has a row.", new Actor(null, "Test"), DateTime.UtcNow);
        engagement.Milestones.Add(milestone);
        await db.SaveChangesAsync();
        return milestone.Id;
    }
}
