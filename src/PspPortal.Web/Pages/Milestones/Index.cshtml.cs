using LinqKit;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Milestones;

/// <summary>What needs attention across the user's sites: overdue milestones and those due in the next 30 days,
/// grouped by site, with filters; and the user's calendar feed link.</summary>
public class IndexModel(PortalDbContext db, SiteScope siteScope, CurrentUser currentUser, PublicUrls publicUrls, ProgramFigures figures, TimeProvider clock, ServiceClock serviceClock) : PageModel
{
    public const int DaysAhead = 30;
    public const int SitesPerPage = 20;

    public enum Window
    {
        All,
        Overdue,
        DueSoon,
    }

    /// <summary>A milestone of the list. IsOverdue is <see cref="EngagementMilestone.Overdue"/>, computed by the
    /// database; DaysFromDue is the days past the due date (negative: days until it).</summary>
    public sealed record Row(int Id, int SiteId, string SiteName, string State, string Title, DateOnly DueDate, string? OwnerName, bool IsOverdue, int DaysFromDue);

    public sealed record SiteGroup(int SiteId, string SiteName, IReadOnlyList<Row> Milestones);

    /// <summary>The filter, bound from the query string (named like the form's fields), so a view can be bookmarked.</summary>
    [FromQuery]
    public FilterModel Filter { get; set; } = new();

    [FromQuery(Name = PagerModel.QueryName)]
    public int PageNumber { get; set; } = 1;

    public DateOnly Today { get; private set; }

    /// <summary>The user's scope is every site (administrators and BJA staff), for the page's words.</summary>
    public bool SeesEverySite { get; private set; }
    public IReadOnlyList<SiteGroup> Groups { get; private set; } = [];
    public int OverdueCount { get; private set; }
    public int DueSoonCount { get; private set; }
    public int SiteTotal { get; private set; }

    /// <summary>The list is paged by site, <see cref="SitesPerPage"/> sites a page.</summary>
    public PagerModel Pager { get; private set; } = null!;
    public IReadOnlyList<Choice> Sites { get; private set; } = [];
    public IReadOnlyList<Choice> Cohorts { get; private set; } = [];

    /// <summary>Too many sites to list: the site filter offers a cohort's sites once a cohort is chosen.</summary>
    public bool ChooseCohortFirst { get; private set; }

    /// <summary>True when the user has a feed link (its secret is not known any more, only its hash).</summary>
    public bool HasFeed { get; private set; }

    /// <summary>The feed link just made; shown once, right after it is created.</summary>
    public string? NewFeedUrl { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class FilterModel
    {
        public Window Show { get; set; } = Window.All;
        public int? Site { get; set; }
        public int? Cohort { get; set; }

        /// <summary>The filter as query-string values, for links that keep it.</summary>
        public Dictionary<string, string?> ToQuery() => new()
        {
            ["show"] = Show == Window.All ? null : Show.ToString(),
            ["site"] = Site?.ToString(CultureInfo.InvariantCulture),
            ["cohort"] = Cohort?.ToString(CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Bad values are left unbound: the defaults stand. A site or cohort out of scope answers as if it did not exist.
        ModelState.Clear();
        Filter.Site = Filter.Site is > 0 ? Filter.Site : null;
        Filter.Cohort = Filter.Cohort is > 0 ? Filter.Cohort : null;
        if (!await siteScope.FiltersInScopeAsync(Filter.Site, Filter.Cohort, cancellationToken))
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateFeedAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync(cancellationToken);
        if (user is null)
        {
            return Challenge();
        }

        var replacing = user.CalendarFeedTokenHash is not null;
        var token = CalendarFeed.NewToken();
        user.CalendarFeedTokenHash = CalendarFeed.Hash(token);
        await db.SaveChangesAsync(cancellationToken);
        NewFeedUrl = publicUrls.For(CalendarFeed.PathFor(token));
        StatusMessage = replacing ? "Your calendar link is replaced; the old link no longer works." : "Your calendar link is ready.";
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync(cancellationToken);
        if (user is null)
        {
            return Challenge();
        }

        user.CalendarFeedTokenHash = null;
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = "Your calendar link is turned off; calendars subscribed to it get nothing more.";
        return RedirectToPage(null, null, "calendar");
    }

    private async Task<PortalUser?> CurrentUserAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.Id;
        return userId is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = serviceClock.Today(clock);
        var today = Today;
        var horizon = today.AddDays(DaysAhead);
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var userId = currentUser.Id;
        SeesEverySite = scope.AllSites;
        HasFeed = await db.Users.AnyAsync(u => u.Id == userId && u.CalendarFeedTokenHash != null, cancellationToken);

        var choices = await FilterChoices.ForListAsync(figures, db, scope, Filter.Cohort, Filter.Site, cancellationToken);
        Sites = choices.Sites.Options;
        ChooseCohortFirst = choices.Sites.ChooseCohortFirst;
        Cohorts = choices.Cohorts;

        var milestones = db.Milestones.AsNoTracking().InScope(scope).Where(m => m.Status == MilestoneStatus.Planned);
        if (Filter.Site is { } siteId)
        {
            milestones = milestones.Where(m => m.Engagement!.SiteId == siteId);
        }

        if (Filter.Cohort is { } cohortId)
        {
            milestones = milestones.Where(m => m.Engagement!.CohortId == cohortId);
        }

        var overdue = milestones.Where(MilestoneFigures.OverdueOn(today));
        var dueSoon = milestones.Where(m => m.DueDate >= today && m.DueDate <= horizon);
        // Counts are cached until the data changes (ProgramFigures), keyed by everything they depend on.
        var key = $"milestones|{ProgramFigures.ScopeKey(scope)}|{today:O}|{Filter.Site}|{Filter.Cohort}";
        OverdueCount = await figures.CountAsync(db, key + "|overdue", overdue, cancellationToken);
        DueSoonCount = await figures.CountAsync(db, key + "|due-soon", dueSoon, cancellationToken);
        var shown = Filter.Show switch
        {
            Window.Overdue => overdue,
            Window.DueSoon => dueSoon,
            _ => milestones.Where(m => m.DueDate <= horizon),
        };

        var siteIds = shown.Select(m => m.Engagement!.SiteId).Distinct();
        SiteTotal = await figures.CountAsync(db, $"{key}|sites|{Filter.Show}", siteIds, cancellationToken);
        Pager = new PagerModel(PageNumber, SiteTotal, SitesPerPage, "/Milestones", Filter.ToQuery(), "Pages of sites");
        // Which sites a page shows changes only with a milestone or a site (a new stamp) or the day: cached like the
        // counts, so a view reads the rows of its sites only.
        var pageSites = await figures.TopIdsAsync(
            db,
            $"{key}|sites|{Filter.Show}|page{Pager.Skip}",
            db.Sites.AsNoTracking()
                .Where(s => siteIds.Contains(s.Id))
                .OrderBy(s => s.Name).ThenBy(s => s.State)
                .Skip(Pager.Skip)
                .Select(s => s.Id),
            SitesPerPage,
            cancellationToken);
        var overdueRule = EngagementMilestone.Overdue.Expression;
        var found = await shown.AsExpandable()
            .Where(m => pageSites.Contains(m.Engagement!.SiteId))
            .OrderBy(m => m.DueDate).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Engagement!.SiteId, m.Engagement.Site!.Name, m.Engagement.Site.State, m.Title, m.DueDate, m.OwnerName, IsOverdue = overdueRule.Invoke(m, today) })
            .ToListAsync(cancellationToken);
        var rows = found.Select(m => new Row(m.Id, m.SiteId, m.Name, m.State, m.Title, m.DueDate, m.OwnerName, m.IsOverdue, today.DayNumber - m.DueDate.DayNumber)).ToList();
        Groups = rows.GroupBy(r => r.SiteId)
            .Select(g => new SiteGroup(g.Key, $"{g.First().SiteName}, {g.First().State}", g.ToList()))
            .OrderBy(g => g.SiteName, StringComparer.Ordinal)
            .ToList();
    }
}
