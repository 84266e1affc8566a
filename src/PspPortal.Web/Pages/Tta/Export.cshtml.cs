using LinqKit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Tta;

/// <summary>/Tta/Export: the list's requests, with the same filters (all pages), as CSV with every field.</summary>
public class ExportModel(PortalDbContext db, SiteScope siteScope, RequestQueries queries) : PageModel
{
    [FromQuery]
    public RequestFilter Filter { get; set; } = new();

    /// <summary>One row of the export: every field of the request, in the order a reader expects.</summary>
    public sealed record Row(
        string ReferenceNumber,
        string Site,
        string State,
        string CoreArea,
        string Title,
        string Description,
        string DesiredOutcome,
        string PreferredDeliveryMode,
        string Priority,
        DateOnly NeededBy,
        string Requester,
        string? AssignedProvider,
        string Status,
        bool Overdue,
        DateOnly? ScheduledFor,
        DateOnly? DeliveredOn,
        string? DeliverySummary,
        DateTime CreatedAtUtc,
        DateTime? SubmittedAtUtc,
        DateTime? FirstDecisionAtUtc,
        DateTime? ApprovedAtUtc,
        DateTime? DeliveredAtUtc,
        DateTime UpdatedAtUtc,
        DateOnly? DecisionDueOn,
        DateOnly? DeliveryDueOn,
        int Comments);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // As on the list: unknown filter values are ignored, and another site's (or cohort's) requests do not exist.
        Filter.Normalize();
        if (!await siteScope.FiltersInScopeAsync(Filter.Site, Filter.Cohort, cancellationToken))
        {
            return NotFound();
        }

        var today = queries.Today;
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var requests = Filter.Apply(db.TtaRequests.AsNoTracking().InScope(scope), today);
        var overdue = TtaRequest.Overdue.Expression;
        var rows = requests.AsExpandable().Select(r => new
        {
            r.ReferenceNumber,
            Site = r.Site!.Name,
            r.Site.State,
            CoreArea = r.CoreArea!.Name,
            r.Title,
            r.Description,
            r.DesiredOutcome,
            r.DeliveryMode,
            r.Priority,
            r.NeededBy,
            r.RequesterName,
            r.AssignedProvider,
            r.Status,
            Overdue = overdue.Invoke(r, today),
            r.ScheduledFor,
            r.DeliveredOn,
            r.DeliverySummary,
            r.CreatedAt,
            r.SubmittedAt,
            r.FirstDecisionAt,
            r.ApprovedAt,
            r.DeliveredAt,
            r.UpdatedAt,
            r.DecisionDueOn,
            r.DeliveryDueOn,
            Comments = r.Comments.Count,
        }).AsAsyncEnumerable();

        var fileName = $"tta-requests-{today:yyyy-MM-dd}.csv";
        return CsvFile.Of(
            rows.Select(r => new Row(
                r.ReferenceNumber, r.Site, r.State, r.CoreArea, r.Title, r.Description, r.DesiredOutcome,
                TtaWorkflow.DeliveryModeDisplay(r.DeliveryMode), r.Priority.ToString(), r.NeededBy, r.RequesterName, r.AssignedProvider,
                TtaWorkflow.StatusDisplay(r.Status), r.Overdue, r.ScheduledFor, r.DeliveredOn, r.DeliverySummary,
                r.CreatedAt, r.SubmittedAt, r.FirstDecisionAt, r.ApprovedAt, r.DeliveredAt, r.UpdatedAt, r.DecisionDueOn, r.DeliveryDueOn,
                r.Comments)),
            fileName);
    }
}
