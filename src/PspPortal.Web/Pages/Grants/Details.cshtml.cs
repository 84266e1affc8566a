using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Grants;

/// <summary>One award with the strategies of the site's plan it funds. BJA staff link strategies and change its
/// status; both forms carry the award's version, so a change made meanwhile is refused (409) with what it was.</summary>
public class DetailsModel(PortalDbContext db, SiteScope siteScope, CurrentUser currentUser) : PageModel
{
    public const string StatusMessageKey = "GrantStatusMessage";

    public sealed record GrantView(
        int Id, int SiteId, string Site, string Cohort, int EngagementId, int FiscalYear, string Solicitation, string AwardNumber, decimal Amount,
        DateOnly AwardedOn, DateOnly PeriodStart, DateOnly PeriodEnd, GrantStatus Status, Guid Version);

    public sealed record StrategyView(int Id, int GoalNumber, int Number, string Title, StrategyStatus Status)
    {
        public string Code => PlanStrategy.Code(GoalNumber, Number);
    }

    [BindProperty]
    public int? StrategyId { get; set; }

    [BindProperty]
    public GrantStatus? Status { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [TempData(Key = StatusMessageKey)]
    public string? StatusMessage { get; set; }

    public GrantView Grant { get; private set; } = null!;
    public IReadOnlyList<StrategyView> Funded { get; private set; } = [];
    public IReadOnlyList<StrategyView> Fundable { get; private set; } = [];
    public bool MayChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Status = Grant.Status;
        return Page();
    }

    public Task<IActionResult> OnPostFundAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "StrategyId", async grant =>
        {
            if (StrategyId is not { } strategyId)
            {
                return "Choose the strategy the award funds.";
            }

            var engagementId = await db.PlanStrategies.AsNoTracking().Where(s => s.Id == strategyId && s.Goal!.Engagement!.SiteId == grant.SiteId)
                .Select(s => (int?)s.Goal!.EngagementId).SingleOrDefaultAsync(cancellationToken);
            if (engagementId is null)
            {
                return "Choose a strategy of the site's plan.";
            }

            grant.Fund(strategyId, engagementId.Value);
            return null;
        }, "The strategy is linked to the award.", cancellationToken);

    public Task<IActionResult> OnPostStatusAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Status", grant =>
        {
            if (Status is not { } status || !Enum.IsDefined(status))
            {
                return Task.FromResult<string?>("Choose a status.");
            }

            grant.ChangeStatus(status);
            return Task.FromResult<string?>(null);
        }, "The award's status is saved.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, string key, Func<CapacityGrant, Task<string?>> change, string done, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var grant = await db.CapacityGrants.InScope(scope).Include(g => g.FundedStrategies).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (grant is null)
        {
            return NotFound();
        }

        if (!PlanPermissions.MayEnterGrants(currentUser.Roles))
        {
            return Forbid();
        }

        if (grant.Version != Version)
        {
            return await RefuseAsync(id, string.Empty,
                $"Someone else changed this award after you opened it, so your change was not saved: it is now {grant.Status} and funds {grant.FundedStrategies.Count} {(grant.FundedStrategies.Count == 1 ? "strategy" : "strategies")}. The page shows it as it is now.",
                StatusCodes.Status409Conflict, cancellationToken);
        }

        string? refusal;
        try
        {
            refusal = await change(grant);
        }
        catch (PlanException e)
        {
            refusal = e.Message;
        }

        if (refusal is not null)
        {
            return await RefuseAsync(id, key, refusal, StatusCodes.Status200OK, cancellationToken);
        }

        if (await db.SaveIfUnchangedAsync(grant, Version, cancellationToken) != SaveOutcome.Saved)
        {
            return await RefuseAsync(id, string.Empty, "Someone else changed this award at the same moment, so your change was not saved. The page shows it as it is now.", StatusCodes.Status409Conflict, cancellationToken);
        }

        StatusMessage = done;
        return Redirect($"/Grants/{id}");
    }

    private async Task<IActionResult> RefuseAsync(int id, string key, string message, int status, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddModelError(key, message);
        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        Version = Grant.Version;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var grant = await db.CapacityGrants.AsNoTracking().InScope(scope).Where(g => g.Id == id)
            .Select(g => new GrantView(
                g.Id, g.SiteId, g.Site!.Name + ", " + g.Site.State, g.Engagement!.Cohort!.Name, g.EngagementId, g.FiscalYear, g.Solicitation, g.AwardNumber,
                g.Amount, g.AwardedOn, g.PeriodStart, g.PeriodEnd, g.Status, g.Version))
            .SingleOrDefaultAsync(cancellationToken);
        if (grant is null)
        {
            return false;
        }

        Grant = grant;
        MayChange = PlanPermissions.MayEnterGrants(currentUser.Roles);
        if (Version == Guid.Empty)
        {
            Version = grant.Version;
        }

        var strategies = await db.PlanStrategies.AsNoTracking().Where(s => s.Goal!.EngagementId == grant.EngagementId)
            .OrderBy(s => s.Goal!.Number).ThenBy(s => s.Number)
            .Select(s => new { View = new StrategyView(s.Id, s.Goal!.Number, s.Number, s.Title, s.Status), Funded = s.Grants.Any(f => f.GrantId == id) })
            .ToListAsync(cancellationToken);
        Funded = strategies.Where(s => s.Funded).Select(s => s.View).ToList();
        Fundable = strategies.Where(s => !s.Funded && s.View.Status != StrategyStatus.Dropped).Select(s => s.View).ToList();
        return true;
    }
}
