using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Milestones;

/// <summary>Adds a milestone to a site's current engagement, beyond the standard plan.</summary>
public class NewModel(PortalDbContext db, SiteScope siteScope, CurrentUser currentUser, TimeProvider clock, IValidator<NewModel.MilestoneInput> validator) : PageModel
{
    public sealed class MilestoneInput
    {
        public string? Title { get; set; }
        public MilestoneKind Kind { get; set; } = MilestoneKind.Other;
        public DateOnly? DueDate { get; set; }
        public string? OwnerName { get; set; }
        public string? Reason { get; set; }

        /// <summary>The engagement the milestone is added to, set by the page before validating (not bound from the form).</summary>
        internal Engagement? Engagement { get; set; }
    }

    public sealed class Validator : AbstractValidator<MilestoneInput>
    {
        public Validator()
        {
            RuleFor(i => i.Title).NotEmpty().WithMessage("Enter the milestone's title.")
                .MaximumLength(200).WithMessage("Keep the title to 200 characters.");
            RuleFor(i => i.Kind).IsInEnum().WithMessage("Choose a kind of milestone.");
            RuleFor(i => i.DueDate).NotNull().WithMessage("Enter the due date.");
            RuleFor(i => i.DueDate!.Value)
                .Must((i, due) => i.Engagement is null || i.Engagement.MilestoneDueDates.Contains(due))
                .WithMessage(i => i.Engagement!.MilestoneDueDateMessage)
                .When(i => i.DueDate is not null).OverridePropertyName(nameof(MilestoneInput.DueDate));
            RuleFor(i => i.OwnerName).MaximumLength(120).WithMessage("Keep the owner's name to 120 characters.");
            RuleFor(i => i.Reason).MaximumLength(2000).WithMessage("Keep the reason to 2,000 characters.");
        }
    }

    [BindProperty]
    public MilestoneInput Input { get; set; } = new();

    public string SiteName { get; private set; } = string.Empty;
    public string CohortName { get; private set; } = string.Empty;
    public int SiteId { get; private set; }

    /// <summary>The dates the due date may take (the engagement's start to two years after its end), for the date picker.</summary>
    public DateRange DueDates { get; private set; }

    public async Task<IActionResult> OnGetAsync(int siteId, CancellationToken cancellationToken)
    {
        var (engagement, result) = await EngagementAsync(siteId, cancellationToken);
        return engagement is null ? result! : Page();
    }

    public async Task<IActionResult> OnPostAsync(int siteId, CancellationToken cancellationToken)
    {
        var (engagement, result) = await EngagementAsync(siteId, cancellationToken);
        if (engagement is null)
        {
            return result!;
        }

        Input.Engagement = engagement;
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        foreach (var error in validation.Errors)
        {
            // A value that did not bind (a date that is not a date) has its message already.
            var key = $"Input.{error.PropertyName}";
            if (ModelState[key] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError(key, error.ErrorMessage);
            }
        }

        if (!validation.IsValid || !ModelState.IsValid)
        {
            return Page();
        }

        var actor = await currentUser.ActorAsync(cancellationToken);
        EngagementMilestone milestone;
        try
        {
            milestone = engagement.AddMilestone(Input.Title!, Input.Kind, Input.DueDate!.Value, Input.OwnerName,
                actor, clock.GetUtcNow().UtcDateTime, Input.Reason);
        }
        catch (MilestoneException e)
        {
            ModelState.AddModelError("Input.DueDate", e.Message);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"“{milestone.Title}” is added to the timeline.";
        return RedirectToPage("/Milestones/Edit", new { id = milestone.Id });
    }

    /// <summary>The site's current engagement when the user may change its milestones; otherwise 404 (out of scope
    /// or no engagement) or 403 (in scope, read only).</summary>
    private async Task<(Engagement? Engagement, IActionResult? Result)> EngagementAsync(int siteId, CancellationToken cancellationToken)
    {
        var access = await siteScope.MilestoneAccessAsync(siteId, cancellationToken);
        if (access == MilestoneAccess.None)
        {
            return (null, NotFound());
        }

        var engagement = await db.Engagements.Include(e => e.Site).Include(e => e.Cohort)
            .Where(e => e.SiteId == siteId)
            .OrderByDescending(e => e.StartDate)
            .FirstOrDefaultAsync(cancellationToken);
        if (engagement is null)
        {
            return (null, NotFound());
        }

        if (!access.CanChange())
        {
            return (null, Forbid());
        }

        SiteId = siteId;
        SiteName = engagement.Site!.DisplayName;
        CohortName = engagement.Cohort!.Name;
        DueDates = engagement.MilestoneDueDates;
        return (engagement, null);
    }
}
