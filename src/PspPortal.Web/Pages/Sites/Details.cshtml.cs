using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Sites;

public class DetailsModel(PortalDbContext db, SiteScope siteScope) : PageModel
{
    public sealed record EngagementView(int Id, string CohortName, int CohortId, EngagementTrack Track, EngagementStatus Status, DateOnly Start, DateOnly End);

    public sealed record MilestoneView(int Id, int EngagementId, string Title, DateOnly DueDate, DateOnly? CompletedOn, MilestoneStatus Status, string? OwnerName, string? Notes);

    public sealed record TeamMemberView(string FullName, SiteTeamRole TeamRole, string? Organization, string? Title, string? Email);

    public SiteSummary Site { get; private set; } = null!;
    public IReadOnlyList<EngagementView> Engagements { get; private set; } = [];
    public IReadOnlyList<MilestoneView> Milestones { get; private set; } = [];
    public IReadOnlyList<TeamMemberView> Team { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public MilestoneAccess Access { get; private set; }

    /// <summary>The implementation figures of the current engagement's plan (<see cref="PlanFigures"/>).</summary>
    public PlanCounts Plan { get; private set; }

    /// <summary>The timeline picture of the current engagement, as SVG markup built by <see cref="TimelineSvg"/>.</summary>
    public string? TimelineSvgMarkup { get; private set; }

    /// <summary>The milestones of the current engagement, numbered in due-date order as the timeline shows them.</summary>
    public IReadOnlyList<TimelineMilestone> Timeline { get; private set; } = [];

    public EngagementView? Current => Engagements.Count > 0 ? Engagements[0] : null;

    public async Task<IActionResult> OnGetAsync(int id, [FromServices] SiteQueries queries, [FromServices] PlanQueries plans, CancellationToken cancellationToken)
    {
        // Out of scope and missing are the same answer: the query goes through InScope (ADR 0004), nothing else decides.
        var scope = await siteScope.CurrentAsync(cancellationToken);
        // Its figures come from the figures snapshot, as the lists' do: the same rules and the same numbers, without
        // counting the site's requests and milestones again on every view (docs/performance.md, round 5).
        var site = (await queries.SummarizeAsync(db.Sites.AsNoTracking().InScope(scope).Where(s => s.Id == id), cancellationToken: cancellationToken)).SingleOrDefault();
        if (site is null)
        {
            return NotFound();
        }

        Site = site;
        Access = await siteScope.MilestoneAccessAsync(id, cancellationToken);
        Today = queries.Today;
        Engagements = await db.Engagements.AsNoTracking()
            .Where(e => e.SiteId == id)
            .OrderByDescending(e => e.StartDate)
            .Select(e => new EngagementView(e.Id, e.Cohort!.Name, e.CohortId, e.Track, e.Status, e.StartDate, e.EndDate))
            .ToListAsync(cancellationToken);

        if (Current is { } current)
        {
            Milestones = await db.Milestones.AsNoTracking()
                .Where(m => m.EngagementId == current.Id)
                .OrderBy(m => m.DueDate).ThenBy(m => m.Id)
                .Select(m => new MilestoneView(m.Id, m.EngagementId, m.Title, m.DueDate, m.CompletedOn, m.Status, m.OwnerName, m.Notes))
                .ToListAsync(cancellationToken);
            Timeline = Milestones.Select((m, i) => new TimelineMilestone(i + 1, m.Title, m.DueDate, m.Status, m.CompletedOn, Today)).ToList();
            Plan = await plans.CountAsync(current.Id, cancellationToken);
            TimelineSvgMarkup = TimelineSvg.Render("timeline", site.DisplayName, current.Start, current.End, Today, Timeline);
        }

        Team = await db.SiteTeamMembers.AsNoTracking()
            .Where(m => m.SiteId == id)
            .OrderBy(m => m.TeamRole).ThenBy(m => m.FullName)
            .Select(m => new TeamMemberView(m.FullName, m.TeamRole, m.Organization, m.Title, m.Email))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
