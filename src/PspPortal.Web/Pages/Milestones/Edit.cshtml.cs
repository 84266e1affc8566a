using LinqKit;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Milestones;

/// <summary>One milestone: its facts and history for everyone in scope; "Mark complete", "Reschedule" and "Defer" for
/// those who may change milestones; notes for them and for analysts. Each action is a small form of its own that
/// carries the milestone's version, so a change made meanwhile by someone else is never overwritten.</summary>
public class EditModel(PortalDbContext db, SiteScope siteScope, CurrentUser currentUser, TimeProvider clock, ServiceClock serviceClock) : PageModel
{
    public const string StaleMessage = "Someone else changed this milestone after you opened it, so your change was not saved. It is shown below as it is now; make your change again if it is still needed.";

    public sealed record MilestoneView(
        int Id, int SiteId, string SiteName, string CohortName, string Title, MilestoneKind Kind, DateOnly DueDate, DateOnly OriginalDueDate,
        DateOnly? CompletedOn, MilestoneStatus Status, string? OwnerName, string? Notes, Guid Version, DateOnly EngagementStart, DateOnly EngagementEnd);

    public sealed record ChangeView(string Action, DateOnly? FromDueDate, DateOnly? ToDueDate, string? Reason, string ActorName, DateTime OccurredAt);

    public sealed class CompleteInput
    {
        public DateOnly? CompletedOn { get; set; }
        public string? Note { get; set; }

        /// <summary>Set by the page before validating (not bound from the form).</summary>
        internal DateOnly Today { get; set; }

        /// <summary>The milestone's engagement, set by the page before validating (not bound from the form).</summary>
        internal Engagement? Engagement { get; set; }
    }

    public sealed class RescheduleInput
    {
        public DateOnly? NewDueDate { get; set; }
        public string? Reason { get; set; }

        /// <summary>The milestone's engagement, set by the page before validating (not bound from the form).</summary>
        internal Engagement? Engagement { get; set; }
    }

    public sealed class DeferInput
    {
        public string? Reason { get; set; }
    }

    public sealed class NotesInput
    {
        public string? Notes { get; set; }
    }

    public sealed class CompleteValidator : AbstractValidator<CompleteInput>
    {
        public CompleteValidator()
        {
            RuleFor(i => i.CompletedOn).NotNull().WithMessage("Enter the date it was completed.");
            RuleFor(i => i.CompletedOn!.Value).Cascade(CascadeMode.Stop)
                .LessThanOrEqualTo(i => i.Today).WithMessage("The completion date cannot be in the future.")
                .Must((i, done) => i.Engagement is null || i.Engagement.CompletionDates(i.Today).Contains(done))
                .WithMessage(i => i.Engagement!.CompletionDateMessage(i.Today))
                .When(i => i.CompletedOn is not null).OverridePropertyName(nameof(CompleteInput.CompletedOn));
            RuleFor(i => i.Note).MaximumLength(2000).WithMessage("Keep the note to 2,000 characters.");
        }
    }

    public sealed class RescheduleValidator : AbstractValidator<RescheduleInput>
    {
        public RescheduleValidator()
        {
            RuleFor(i => i.NewDueDate).NotNull().WithMessage("Enter the new due date.");
            RuleFor(i => i.NewDueDate!.Value)
                .Must((i, due) => i.Engagement is null || i.Engagement.MilestoneDueDates.Contains(due))
                .WithMessage(i => i.Engagement!.MilestoneDueDateMessage)
                .When(i => i.NewDueDate is not null).OverridePropertyName(nameof(RescheduleInput.NewDueDate));
            RuleFor(i => i.Reason).NotEmpty().WithMessage("Give the reason for rescheduling.")
                .MaximumLength(2000).WithMessage("Keep the reason to 2,000 characters.");
        }
    }

    public sealed class DeferValidator : AbstractValidator<DeferInput>
    {
        public DeferValidator() =>
            RuleFor(i => i.Reason).NotEmpty().WithMessage("Give the reason for deferring.")
                .MaximumLength(2000).WithMessage("Keep the reason to 2,000 characters.");
    }

    public sealed class NotesValidator : AbstractValidator<NotesInput>
    {
        public NotesValidator() => RuleFor(i => i.Notes).MaximumLength(4000).WithMessage("Keep the notes to 4,000 characters.");
    }

    [BindProperty]
    public CompleteInput Complete { get; set; } = new();

    [BindProperty]
    public RescheduleInput Reschedule { get; set; } = new();

    [BindProperty]
    public DeferInput Defer { get; set; } = new();

    [BindProperty]
    public NotesInput NotesForm { get; set; } = new();

    /// <summary>The version of the milestone the form was made from.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public MilestoneView Milestone { get; private set; } = null!;
    public IReadOnlyList<ChangeView> History { get; private set; } = [];
    public MilestoneAccess Access { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary><see cref="EngagementMilestone.Overdue"/>, computed by the database with the milestone.</summary>
    public bool IsOverdue { get; private set; }

    /// <summary>The changes this user may make now: none without the right to change milestones, otherwise what the
    /// milestone's status allows (<see cref="EngagementMilestone.ChangesAllowedIn"/>).</summary>
    public IReadOnlyList<MilestoneChangeKind> Changes { get; private set; } = [];

    /// <summary>The status as people say it: a planned milestone is "Overdue" or "Upcoming".</summary>
    public string StatusLabel => Milestone.Status == MilestoneStatus.Planned ? (IsOverdue ? "Overdue" : "Upcoming") : Milestone.Status.ToString();

    /// <summary>The dates the milestone may be rescheduled to, for the date picker (the domain's rule).</summary>
    public DateRange DueDates => Engagement.MilestoneDueDatesFor(Milestone.EngagementStart, Milestone.EngagementEnd);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Complete.CompletedOn = Today;
        Reschedule.NewDueDate = Milestone.DueDate;
        NotesForm.Notes = Milestone.Notes;
        return Page();
    }

    /// <summary>Completing "Assessment report and recommendations delivered" or "Strategic plan adopted" needs the
    /// matching content on the site's plan (<see cref="PlanContent"/>); the page says so and links there.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(int id, [FromServices] IValidator<CompleteInput> validator, CancellationToken cancellationToken)
    {
        var plan = await PlanContentAsync(id, cancellationToken);
        return await ChangeAsync(id, MilestoneAccess.Change, "Complete", () => validator.ValidateAsync(Complete, cancellationToken),
            (m, actor, now) => m.Complete(Complete.CompletedOn!.Value, Today, actor, now, Complete.Note, plan), "The milestone is marked complete.", cancellationToken);
    }

    /// <summary>What is missing on the site's plan before this milestone can be completed, or null.</summary>
    public string? PlanMissing { get; private set; }

    private async Task<PlanContent> PlanContentAsync(int milestoneId, CancellationToken cancellationToken) =>
        await db.Milestones.AsNoTracking().Where(m => m.Id == milestoneId)
            .Select(m => new PlanContent(
                m.Engagement!.Assessment != null,
                db.Recommendations.Count(r => r.Assessment!.EngagementId == m.EngagementId),
                db.PlanStrategies.Count(s => s.Goal!.EngagementId == m.EngagementId)))
            .SingleOrDefaultAsync(cancellationToken);

    public Task<IActionResult> OnPostRescheduleAsync(int id, [FromServices] IValidator<RescheduleInput> validator, CancellationToken cancellationToken) =>
        ChangeAsync(id, MilestoneAccess.Change, "Reschedule", () => validator.ValidateAsync(Reschedule, cancellationToken),
            (m, actor, now) => m.Reschedule(Reschedule.NewDueDate!.Value, Reschedule.Reason!, actor, now), "The milestone is rescheduled.", cancellationToken);

    public Task<IActionResult> OnPostDeferAsync(int id, [FromServices] IValidator<DeferInput> validator, CancellationToken cancellationToken) =>
        ChangeAsync(id, MilestoneAccess.Change, "Defer", () => validator.ValidateAsync(Defer, cancellationToken),
            (m, actor, now) => m.Defer(Defer.Reason!, actor, now), "The milestone is deferred.", cancellationToken);

    public Task<IActionResult> OnPostNotesAsync(int id, [FromServices] IValidator<NotesInput> validator, CancellationToken cancellationToken) =>
        ChangeAsync(id, MilestoneAccess.Notes, "NotesForm", () => validator.ValidateAsync(NotesForm, cancellationToken),
            (m, actor, now) => m.UpdateNotes(NotesForm.Notes, actor, now), "The notes are saved.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(
        int id,
        MilestoneAccess needed,
        string prefix,
        Func<Task<FluentValidation.Results.ValidationResult>> validate,
        Action<EngagementMilestone, Actor, DateTime> change,
        string done,
        CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var milestone = await db.Milestones.InScope(scope).Include(m => m.Engagement).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (milestone is null)
        {
            return NotFound();
        }

        var access = await siteScope.MilestoneAccessAsync(milestone.Engagement!.SiteId, cancellationToken);
        if (access < needed)
        {
            return Forbid();
        }

        Today = serviceClock.Today(clock);
        if (milestone.Version != Version)
        {
            return await RefuseAsync(id, string.Empty, StaleMessage, StatusCodes.Status409Conflict, cancellationToken);
        }

        // The rules of dates need the milestone's engagement and today.
        Complete.Today = Today;
        Complete.Engagement = milestone.Engagement;
        Reschedule.Engagement = milestone.Engagement;

        // A value that did not bind (a date that is not a date) has its message already; the validator's
        // "enter a date" would only repeat it.
        var validation = await validate();
        foreach (var error in validation.Errors)
        {
            var key = $"{prefix}.{error.PropertyName}";
            if (ModelState[key] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError(key, error.ErrorMessage);
            }
        }

        if (!validation.IsValid || !ModelState.IsValid)
        {
            return await RefuseAsync(id, null, null, StatusCodes.Status200OK, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            change(milestone, await currentUser.ActorAsync(cancellationToken), now);
        }
        catch (MilestoneException e)
        {
            return await RefuseAsync(id, string.Empty, e.Message, StatusCodes.Status200OK, cancellationToken);
        }

        // The version the user saw is the one the database must still hold, or the save is refused.
        if (await db.SaveIfUnchangedAsync(milestone, Version, cancellationToken) != SaveOutcome.Saved)
        {
            return await RefuseAsync(id, string.Empty, StaleMessage, StatusCodes.Status409Conflict, cancellationToken);
        }

        StatusMessage = done;
        return RedirectToPage(new { id });
    }

    /// <summary>Shows the page again with the reason of the refusal; what the user typed stays in the form.</summary>
    private async Task<IActionResult> RefuseAsync(int id, string? key, string? message, int statusCode, CancellationToken cancellationToken)
    {
        if (key is not null && message is not null)
        {
            ModelState.AddModelError(key, message);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        if (statusCode == StatusCodes.Status409Conflict)
        {
            // The page now shows the milestone as it is; its forms carry the current version.
            ModelState.Remove(nameof(Version));
            Version = Milestone.Version;
            ModelState.Remove("NotesForm.Notes");
            NotesForm.Notes = Milestone.Notes;
        }

        Response.StatusCode = statusCode;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var today = serviceClock.Today(clock);
        var overdue = EngagementMilestone.Overdue.Expression;
        var found = await db.Milestones.AsNoTracking().InScope(scope).AsExpandable()
            .Where(m => m.Id == id)
            .Select(m => new
            {
                View = new MilestoneView(
                    m.Id, m.Engagement!.SiteId, m.Engagement.Site!.Name + ", " + m.Engagement.Site.State, m.Engagement.Cohort!.Name, m.Title, m.Kind,
                    m.DueDate, m.OriginalDueDate, m.CompletedOn, m.Status, m.OwnerName, m.Notes, m.Version, m.Engagement.StartDate, m.Engagement.EndDate),
                Overdue = overdue.Invoke(m, today),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        var milestone = found.View;
        Milestone = milestone;
        Today = today;
        IsOverdue = found.Overdue;
        Access = await siteScope.MilestoneAccessAsync(milestone.SiteId, cancellationToken);
        Changes = Access.CanChange() ? EngagementMilestone.ChangesAllowedIn(milestone.Status) : [];
        PlanMissing = Changes.Contains(MilestoneChangeKind.Complete) && PlanContent.Concerns(milestone.Kind)
            ? (await PlanContentAsync(id, cancellationToken)).MissingFor(milestone.Kind)
            : null;
        if (Version == Guid.Empty)
        {
            Version = milestone.Version;
        }

        History = await db.MilestoneChanges.AsNoTracking()
            .Where(c => c.MilestoneId == id)
            .OrderByDescending(c => c.OccurredAt).ThenByDescending(c => c.Id)
            .Select(c => new ChangeView(c.Action, c.FromDueDate, c.ToDueDate, c.Reason, c.ActorName, c.OccurredAt))
            .ToListAsync(cancellationToken);
        return true;
    }
}
