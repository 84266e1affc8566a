using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Sites;

/// <summary>A site's assessment recommendations and plan strategies as CSV, one line each, with the same figures as
/// /Sites/{id}/Plan: for reporting. In scope like the page (404 outside it).</summary>
public class PlanExportModel(PortalDbContext db, SiteScope siteScope, TimeProvider clock, ServiceClock serviceClock) : PageModel
{
    public sealed record Line(
        string Site, string Kind, string Number, string Text, string? Goal, string CoreArea, string Status, string? Priority, string? Owner,
        DateOnly? TargetDate, string? ServedByStrategy, int? LinkedRequests, int? DeliveredRequests, string? Recommendations, string? Grants,
        DateOnly? LatestNote);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var site = await db.Sites.AsNoTracking().InScope(scope).Where(s => s.Id == id)
            .Select(s => new { s.Name, s.State, Engagement = s.Engagements.OrderByDescending(e => e.StartDate).Select(e => (int?)e.Id).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (site is null)
        {
            return NotFound();
        }

        var name = $"{site.Name}, {site.State}";
        var engagementId = site.Engagement ?? -1;
        var counted = PlanFigures.CountedRequest;
        var delivered = PlanFigures.DeliveredRequest;
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.Assessment!.EngagementId == engagementId).OrderBy(r => r.Number)
            .Select(r => new
            {
                r.Number, r.Text, CoreArea = r.CoreArea!.Name, r.Status, r.Priority, r.OwnerName,
                Strategy = r.Strategy == null ? null : r.Strategy.Goal!.Number + "." + r.Strategy.Number,
            })
            .ToListAsync(cancellationToken);
        var strategies = await db.PlanStrategies.AsNoTracking().Where(s => s.Goal!.EngagementId == engagementId)
            .OrderBy(s => s.Goal!.Number).ThenBy(s => s.Number)
            .Select(s => new
            {
                GoalNumber = s.Goal!.Number,
                GoalTitle = s.Goal.Title,
                s.Number,
                s.Title,
                CoreArea = s.CoreArea!.Name,
                s.Status,
                s.OwnerName,
                s.TargetDate,
                Counted = s.Requests.AsQueryable().Count(counted),
                Delivered = s.Requests.AsQueryable().Count(delivered),
                Recommendations = s.Recommendations.OrderBy(r => r.Number).Select(r => r.Number).ToList(),
                Grants = s.Grants.OrderBy(g => g.GrantId).Select(g => g.Grant!.AwardNumber).ToList(),
                LatestNote = s.Notes.Max(n => (DateOnly?)n.WrittenOn),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var lines = recommendations.Select(r => new Line(
            name, "Recommendation", r.Number.ToString(CultureInfo.InvariantCulture), r.Text, null, r.CoreArea, r.Status.ToString(), r.Priority.ToString(), r.OwnerName, null,
            r.Strategy, null, null, null, null, null)).Concat(strategies.Select(s => new Line(
            name, "Strategy", PlanStrategy.Code(s.GoalNumber, s.Number), s.Title, $"{s.GoalNumber}. {s.GoalTitle}", s.CoreArea, s.Status.ToString(), null, s.OwnerName,
            s.TargetDate, null, s.Counted, s.Delivered, string.Join(" ", s.Recommendations), string.Join(" ", s.Grants), s.LatestNote)));

        var today = serviceClock.Today(clock);
        return CsvFile.Of(lines.ToAsyncEnumerable(), $"psp-plan-{site.Name.ToLowerInvariant().Replace(' ', '-').Replace('/', '-')}-{site.State.ToLowerInvariant()}-{today:yyyy-MM-dd}.csv");
    }
}
