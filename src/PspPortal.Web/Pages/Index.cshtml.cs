using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages;

/// <summary>Each role's home: what that person comes to the portal to see first.</summary>
public class IndexModel(CurrentUser currentUser, PortalDbContext db, SiteScope siteScope, SiteQueries siteQueries, CohortQueries cohortQueries, AccountsNeedingAttentionQuery accountsNeedingAttention, PeerExchangeInvitations invitations, ProgramFigures figures, TimeProvider clock, ServiceClock serviceClock) : PageModel
{
    /// <summary>What a home shows of the program's figures: kept under the figures stamp (all of it is cohorts, sites,
    /// engagements and milestones, which write it), per scope and day.</summary>
    private sealed record Kept(IReadOnlyList<CohortSummary> Cohorts, string? CohortChart, IReadOnlyList<SiteSummary> Sites, IReadOnlyList<OverdueMilestone> Overdue);

    public sealed record OverdueMilestone(int Id, int SiteId, string SiteName, string State, string Title, DateOnly DueDate);

    public string FullName { get; private set; } = string.Empty;
    public string? Role { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];
    public IReadOnlyList<OverdueMilestone> Overdue { get; private set; } = [];
    public IReadOnlyList<CohortSummary> Cohorts { get; private set; } = [];
    /// <summary>The Administrator's part of the home page; null for other roles.</summary>
    public AccountsNeedingAttentionQuery.Result? AccountsNeedingAttention { get; private set; }

    /// <summary>Peer exchange invitations to the user's sites waiting for their answer.</summary>
    public IReadOnlyList<PeerExchangeInvitations.Invitation> Invitations { get; private set; } = [];

    /// <summary>BJA staff's comparison of cohorts (progress and on-time completion) as SVG markup.</summary>
    public string? CohortChart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = serviceClock.Today(clock);
        Role = currentUser.Roles.Count > 0 ? currentUser.Roles[0] : null;
        FullName = (await currentUser.ActorAsync(cancellationToken)).Name;

        Invitations = await invitations.OpenForAsync(currentUser.Id, cancellationToken);
        if (Role == Roles.Administrator)
        {
            AccountsNeedingAttention = await accountsNeedingAttention.RunAsync(cancellationToken);
            return;
        }

        var scope = await siteScope.CurrentAsync(cancellationToken);
        var kept = await figures.KeptSmallAsync(db, $"home|{Role}|{ProgramFigures.ScopeKey(scope)}|{Today:O}", ComputeAsync, cancellationToken);
        (Cohorts, CohortChart, Sites, Overdue) = (kept.Cohorts, kept.CohortChart, kept.Sites, kept.Overdue);
    }

    private async Task<Kept> ComputeAsync(CancellationToken cancellationToken)
    {
        if (Role == Roles.BjaStaff)
        {
            var cohorts = await cohortQueries.ListAsync(cancellationToken: cancellationToken);
            var chart = ChartSvg.PercentBars(
                "cohort-chart",
                "Progress and on-time completion by cohort",
                $"Two bars per cohort, oldest first: progress is the share of the milestones due so far that are completed; on-time completion is the share of completed milestones done by their due date. {cohorts.Count} cohorts; the table below gives the same figures.",
                cohorts.Select(c => new PercentBarRow(c.Name, c.ProgressPercent, c.OnTimePercent)).ToList());
            return new Kept(cohorts, chart, [], await OverdueMilestonesAsync(10, cancellationToken));
        }

        return new Kept([], null, await siteQueries.AllInScopeAsync(cancellationToken), await OverdueMilestonesAsync(25, cancellationToken));
    }

    private async Task<List<OverdueMilestone>> OverdueMilestonesAsync(int take, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var today = Today;
        return await db.Milestones.AsNoTracking().InScope(scope)
            .Where(MilestoneFigures.OverdueOn(today))
            .OrderBy(m => m.DueDate)
            .Take(take)
            .Select(m => new OverdueMilestone(m.Id, m.Engagement!.SiteId, m.Engagement.Site!.Name, m.Engagement.Site.State, m.Title, m.DueDate))
            .ToListAsync(cancellationToken);
    }
}
