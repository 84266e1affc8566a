using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Toolkits;

/// <summary>/Toolkits/{id}: the resources in order with notes; its owner orders, annotates, removes, shares it and
/// suggests it for a strategy. Visible to the owner and to those it is shared with (<see cref="ToolkitAccess"/>); to
/// anyone else it does not exist.</summary>
public class DetailsModel(PortalDbContext db, CurrentUser currentUser, SiteScope siteScope, TimeProvider time, IValidator<DetailsModel.ShareInput> shareValidator) : PageModel
{
    public const string StatusMessageKey = "ToolkitStatusMessage";

    [TempData(Key = StatusMessageKey)]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public ShareInput Share { get; set; } = new();

    public Toolkit Toolkit { get; private set; } = null!;
    public bool IsOwner { get; private set; }
    public string? StrategyLabel { get; private set; }
    public int? StrategySiteId { get; private set; }
    public IReadOnlyList<Choice> Sites { get; private set; } = [];
    public IReadOnlyList<Choice> Strategies { get; private set; } = [];

    public sealed class ShareInput
    {
        public string? Email { get; set; }
        public int? SiteId { get; set; }
    }

    public sealed class ShareValidator : AbstractValidator<ShareInput>
    {
        public ShareValidator()
        {
            RuleFor(i => i.Email).Must((i, e) => !string.IsNullOrWhiteSpace(e) || i.SiteId is > 0)
                .WithMessage("Enter the email of a person, or choose a site whose team to share with.")
                .MaximumLength(256).WithMessage("An email address has at most 256 characters.");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostMoveAsync(int id, int resourceId, int by, CancellationToken cancellationToken) =>
        ChangeAsync(id, (t, now) => t.Move(resourceId, by, now), "The order is saved.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, int resourceId, CancellationToken cancellationToken) =>
        ChangeAsync(id, (t, now) => t.Remove(resourceId, now), "The resource is removed from the toolkit.", cancellationToken);

    public Task<IActionResult> OnPostNoteAsync(int id, int resourceId, string? note, CancellationToken cancellationToken)
    {
        if (note is { Length: > Toolkit.NoteMax })
        {
            return RefuseAsync(id, $"A note has at most {Toolkit.NoteMax} characters.", StatusCodes.Status400BadRequest, cancellationToken);
        }

        return ChangeAsync(id, (t, now) => t.SetNote(resourceId, note, now), "The note is saved.", cancellationToken);
    }

    public Task<IActionResult> OnPostUnshareAsync(int id, int shareId, CancellationToken cancellationToken) =>
        ChangeAsync(id, (t, now) => t.Unshare(shareId, now), "The toolkit is no longer shared there.", cancellationToken);

    public async Task<IActionResult> OnPostStrategyAsync(int id, int? strategyId, CancellationToken cancellationToken)
    {
        // Only a strategy the owner may see can be named; any other is as if it did not exist.
        if (strategyId is > 0)
        {
            var scope = await siteScope.CurrentAsync(cancellationToken);
            if (!await db.PlanStrategies.AsNoTracking().InScope(scope).AnyAsync(s => s.Id == strategyId, cancellationToken))
            {
                return await RefuseAsync(id, "Choose a strategy from the list.", StatusCodes.Status400BadRequest, cancellationToken);
            }
        }

        return await ChangeAsync(id, (t, now) => t.SuggestFor(strategyId is > 0 ? strategyId : null, now),
            strategyId is > 0 ? "The toolkit is suggested for the strategy." : "The toolkit is no longer suggested for a strategy.", cancellationToken);
    }

    public async Task<IActionResult> OnPostShareAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var validation = await shareValidator.ValidateAsync(Share, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, nameof(Share));
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        string? userId = null, userName = null, siteName = null;
        if (!string.IsNullOrWhiteSpace(Share.Email))
        {
            var email = Share.Email.Trim().ToUpperInvariant();
            var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email && !u.IsDisabled)
                .Select(u => new { u.Id, Name = u.FullName ?? u.Email! }).SingleOrDefaultAsync(cancellationToken);
            if (user is null)
            {
                ModelState.AddModelError($"{nameof(Share)}.{nameof(ShareInput.Email)}", "No portal account has that email address.");
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            }

            (userId, userName) = (user.Id, user.Name);
        }

        if (Share.SiteId is > 0 and var siteId)
        {
            var scope = await siteScope.CurrentAsync(cancellationToken);
            siteName = await db.Sites.AsNoTracking().InScope(scope).Where(s => s.Id == siteId).Select(s => s.Name + ", " + s.State).SingleOrDefaultAsync(cancellationToken);
            if (siteName is null)
            {
                ModelState.AddModelError($"{nameof(Share)}.{nameof(ShareInput.SiteId)}", "Choose a site from the list.");
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            }
        }

        var actor = await currentUser.ActorAsync(cancellationToken);
        return await ChangeAsync(id, (t, now) =>
        {
            if (userId is not null)
            {
                t.ShareWithUser(userId, userName!, actor, now);
            }

            if (siteName is not null)
            {
                t.ShareWithSite(Share.SiteId!.Value, siteName, actor, now);
            }
        }, $"The toolkit is shared with {string.Join(" and ", new[] { userName, siteName is null ? null : $"the team of {siteName}" }.Where(n => n is not null))}.", cancellationToken);
    }

    /// <summary>The owner's change: refused (404) to anyone who cannot see the toolkit, (403) to those it is only
    /// shared with, and (409) when the toolkit changed since the page was opened.</summary>
    private async Task<IActionResult> ChangeAsync(int id, Action<Toolkit, DateTime> change, string done, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id;
        var toolkit = await db.Toolkits.VisibleTo(db, userId).Include(t => t.Items).Include(t => t.Shares).AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (toolkit is null)
        {
            return NotFound();
        }

        if (toolkit.OwnerId != userId)
        {
            return await RefuseAsync(id, "Only the toolkit's owner can change it.", StatusCodes.Status403Forbidden, cancellationToken);
        }

        if (toolkit.Version != Version)
        {
            return await RefuseAsync(id, "This toolkit changed after you opened it (perhaps in another window), so nothing was saved. The page shows it as it is now.", StatusCodes.Status409Conflict, cancellationToken);
        }

        try
        {
            change(toolkit, time.GetUtcNow().UtcDateTime);
        }
        catch (ToolkitException e)
        {
            db.ChangeTracker.Clear();
            return await RefuseAsync(id, e.Message, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (await db.SaveIfUnchangedAsync(toolkit, Version, cancellationToken) != SaveOutcome.Saved)
        {
            return await RefuseAsync(id, "This toolkit changed after you opened it, so nothing was saved. The page shows it as it is now.", StatusCodes.Status409Conflict, cancellationToken);
        }

        StatusMessage = done;
        return Redirect($"/Toolkits/{id}");
    }

    private async Task<IActionResult> RefuseAsync(int id, string message, int status, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, message);
        return new PageResult { StatusCode = status };
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id;
        var toolkit = await db.Toolkits.AsNoTracking().VisibleTo(db, userId)
            .Include(t => t.Items.OrderBy(i => i.Position)).ThenInclude(i => i.Resource)
            .Include(t => t.Shares.OrderBy(s => s.SharedAt))
            .AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (toolkit is null)
        {
            return false;
        }

        Toolkit = toolkit;
        IsOwner = toolkit.OwnerId == userId;
        var scope = await siteScope.CurrentAsync(cancellationToken);
        if (toolkit.StrategyId is { } strategyId)
        {
            // The strategy is named to those who may see its site; to others only that there is one.
            var strategy = await db.PlanStrategies.AsNoTracking().InScope(scope).Where(s => s.Id == strategyId)
                .Select(s => new { SiteId = s.Goal!.Engagement!.SiteId, Site = s.Goal.Engagement.Site!.Name, s.Goal.Number, Strategy = s.Number, s.Title })
                .SingleOrDefaultAsync(cancellationToken);
            StrategyLabel = strategy is null ? "a strategy of a site's plan" : $"{strategy.Site}: strategy {PlanStrategy.Code(strategy.Number, strategy.Strategy)}, {strategy.Title}";
            StrategySiteId = strategy?.SiteId;
        }

        if (IsOwner)
        {
            Sites = await db.Sites.AsNoTracking().InScope(scope).AllSiteChoicesAsync(cancellationToken);
            Strategies = await db.PlanStrategies.AsNoTracking().InScope(scope)
                .OrderBy(s => s.Goal!.Engagement!.Site!.Name).ThenBy(s => s.Goal!.Number).ThenBy(s => s.Number)
                .Select(s => new Choice(s.Id, s.Goal!.Engagement!.Site!.Name + ": " + s.Goal.Number + "." + s.Number + " " + s.Title))
                .ToListAsync(cancellationToken);
        }

        return true;
    }
}
