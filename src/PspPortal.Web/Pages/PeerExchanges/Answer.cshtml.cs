using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.PeerExchanges;

/// <summary>/PeerExchanges/{id}: a host site's point of contact reads an invitation and answers it: accept with the
/// visit's dates (the visit becomes a milestone of the requesting site) or decline. To anyone else it does not exist.</summary>
public class AnswerModel(PortalDbContext db, PeerExchangeInvitations invitations, CurrentUser currentUser, TimeProvider time, ServiceClock serviceClock, IValidator<AnswerModel.AnswerInput> validator) : PageModel
{
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public PeerExchange Invitation { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public sealed class AnswerInput
    {
        public bool Accept { get; set; }
        public DateOnly? VisitStart { get; set; }
        public DateOnly? VisitEnd { get; set; }
        public string? Note { get; set; }
        public Guid Version { get; set; }
        internal DateOnly Today { get; set; }
    }

    public sealed class AnswerValidator : AbstractValidator<AnswerInput>
    {
        public AnswerValidator()
        {
            When(i => i.Accept, () =>
            {
                RuleFor(i => i.VisitStart).NotNull().WithMessage("Enter the first day of the visit.")
                    .Must((i, d) => d is null || PeerExchange.VisitStarts(i.Today).Contains(d.Value))
                    .WithMessage(i => $"The visit must start between {DateRange.Words(PeerExchange.VisitStarts(i.Today).First)} and {DateRange.Words(PeerExchange.VisitStarts(i.Today).Last)}.");
                RuleFor(i => i.VisitEnd).NotNull().WithMessage("Enter the last day of the visit.")
                    .Must((i, d) => d is null || i.VisitStart is null || (d >= i.VisitStart && d <= i.VisitStart.Value.AddDays(PeerExchange.LongestVisitDays - 1)))
                    .WithMessage($"The visit ends on or after its first day and lasts at most {PeerExchange.LongestVisitDays} days.");
            });
            RuleFor(i => i.Note).MaximumLength(PeerExchange.NoteMax).WithMessage($"The note has at most {PeerExchange.NoteMax} characters.");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var invitation = await invitations.For(currentUser.Id).Include(p => p.HostSite).Include(p => p.TtaRequest)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        Input.Today = serviceClock.Today(time);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        if (Input.Version != invitation.Version)
        {
            return await RefuseAsync(id, "Someone answered this invitation after you opened it, so nothing was saved. The page shows the answer.", StatusCodes.Status409Conflict, cancellationToken);
        }

        var actor = await currentUser.ActorAsync(cancellationToken);
        try
        {
            if (Input.Accept)
            {
                invitation.Accept(Input.VisitStart!.Value, Input.VisitEnd!.Value, Input.Note, Input.Today, actor, now);
                var engagement = await db.Engagements.Include(e => e.Milestones)
                    .Where(e => e.SiteId == invitation.TtaRequest!.SiteId).OrderByDescending(e => e.StartDate).FirstAsync(cancellationToken);
                invitation.Milestone = engagement.AddMilestone(PeerExchange.VisitMilestoneTitle(invitation.HostSite!.DisplayName), MilestoneKind.PeerExchange,
                    Input.VisitStart.Value, null, actor, now, $"Peer exchange accepted for {invitation.TtaRequest!.ReferenceNumber}.");
            }
            else
            {
                invitation.Decline(Input.Note, actor, now);
            }
        }
        catch (Exception e) when (e is PeerExchangeException or MilestoneException)
        {
            db.ChangeTracker.Clear();
            return await RefuseAsync(id, e.Message, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (await db.SaveIfUnchangedAsync(invitation, Input.Version, cancellationToken) != SaveOutcome.Saved)
        {
            return await RefuseAsync(id, "Someone answered this invitation after you opened it, so nothing was saved. The page shows the answer.", StatusCodes.Status409Conflict, cancellationToken);
        }

        StatusMessage = Input.Accept ? "Thank you: the visit is accepted and is on the requesting site's timeline." : "The invitation is declined.";
        return Redirect($"/PeerExchanges/{id}");
    }

    private async Task<IActionResult> RefuseAsync(int id, string message, int status, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        ModelState.AddModelError(string.Empty, message);
        return new PageResult { StatusCode = status };
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Today = serviceClock.Today(time);
        var invitation = await invitations.For(currentUser.Id).AsNoTracking()
            .Include(p => p.HostSite).Include(p => p.TtaRequest).ThenInclude(r => r!.Site).Include(p => p.TtaRequest).ThenInclude(r => r!.CoreArea)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (invitation is null)
        {
            return false;
        }

        Invitation = invitation;
        if (Input.Version == Guid.Empty || !ModelState.IsValid)
        {
            Input.Version = invitation.Version;
        }

        return true;
    }
}
