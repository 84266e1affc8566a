using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Cohorts;
using PspPortal.Web.Pages.Sites;

namespace PspPortal.Web.Pages;

/// <summary>Each role's home: what that person comes to the portal to see first.</summary>
public class IndexModel(PortalDbContext db, SiteScope siteScope, SiteQueries siteQueries, CohortQueries cohortQueries, TimeProvider clock) : PageModel
{
    public sealed record OverdueMilestone(int Id, int SiteId, string SiteName, string State, string Title, DateOnly DueDate);

    public sealed record AccountAttention(string Id, string FullName, string Email, string Reason);

    public string FullName { get; private set; } = string.Empty;
    public string? Role { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];
    public IReadOnlyList<OverdueMilestone> Overdue { get; private set; } = [];
    public IReadOnlyList<CohortSummary> Cohorts { get; private set; } = [];
    public IReadOnlyList<AccountAttention> Accounts { get; private set; } = [];

    /// <summary>BJA staff's comparison of cohorts (progress and on-time completion) as SVG markup.</summary>
    public string? CohortChart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Role = Roles.All.FirstOrDefault(User.IsInRole);
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        FullName = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken) ?? User.Identity?.Name ?? string.Empty;

        switch (Role)
        {
            case Roles.Administrator:
                Accounts = await AccountsNeedingAttentionAsync(cancellationToken);
                break;
            case Roles.BjaStaff:
                Cohorts = await cohortQueries.ListAsync(cancellationToken: cancellationToken);
                CohortChart = ChartSvg.PercentBars(
                    "cohort-chart",
                    "Progress and on-time completion by cohort",
                    $"Two bars per cohort, oldest first: progress is the share of the milestones due so far that are completed; on-time completion is the share of completed milestones done by their due date. {Cohorts.Count} cohorts; the table below gives the same figures.",
                    Cohorts.Select(c => new PercentBarRow(c.Name, c.ProgressPercent, c.OnTimePercent)).ToList());
                Overdue = await OverdueMilestonesAsync(10, cancellationToken);
                break;
            default:
                Sites = await siteQueries.AllInScopeAsync(cancellationToken);
                Overdue = await OverdueMilestonesAsync(25, cancellationToken);
                break;
        }
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

    /// <summary>Accounts an administrator should look at: locked out, disabled, never signed in, or in a scoped role
    /// without any site-team place (so they see nothing).</summary>
    private async Task<List<AccountAttention>> AccountsNeedingAttentionAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var scopedRoles = new[] { Roles.Champion, Roles.Liaison, Roles.Analyst, Roles.SiteContact };
        var users = await db.Users.AsNoTracking()
            .Select(u => new
            {
                u.Id,
                u.FullName,
                u.Email,
                u.IsDisabled,
                u.LockoutEnd,
                u.LastSignInAt,
                Scoped = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && scopedRoles.Contains(r.Name!))),
                HasTeamPlace = db.SiteTeamMembers.Any(m => m.UserId == u.Id),
            })
            .OrderBy(u => u.FullName)
            .ToListAsync(cancellationToken);

        var result = new List<AccountAttention>();
        foreach (var u in users)
        {
            var reason = u.IsDisabled ? "Disabled"
                : u.LockoutEnd > now ? "Locked out after failed sign-ins"
                : u.Scoped && !u.HasTeamPlace ? "No site-team place, so no sites in scope"
                : u.LastSignInAt is null ? "Has never signed in"
                : null;
            if (reason is not null)
            {
                result.Add(new AccountAttention(u.Id, u.FullName, u.Email ?? string.Empty, reason));
            }
        }

        return result;
    }
}
