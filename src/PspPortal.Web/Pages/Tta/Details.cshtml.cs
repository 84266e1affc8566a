using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;

namespace PspPortal.Web.Pages.Tta;

/// <summary>One request: its fields, service clocks, the actions the user may take now, its history and comments.</summary>
public partial class DetailsModel(
    PortalDbContext db,
    SiteScope siteScope,
    CurrentUser currentUser,
    ServiceClock serviceClock,
    TimeProvider time,
    IValidator<DetailsModel.ActionInput> actionValidator,
    IValidator<DetailsModel.CommentInput> commentValidator) : PageModel
{
    public const string StatusMessageKey = "TtaStatusMessage";

    [BindProperty]
    public ActionInput Act { get; set; } = new();

    [BindProperty]
    public CommentInput Comment { get; set; } = new();

    [BindProperty]
    public ServeInput Serve { get; set; } = new();

    /// <summary>The strategies of the site's current plan, for the "Strategy it serves" choice.</summary>
    public IReadOnlyList<StrategyChoice> Strategies { get; private set; } = [];

    /// <summary>The site's liaison and BJA staff choose the strategy a request serves while they review it.</summary>
    public bool MayChooseStrategy { get; private set; }

    public sealed record StrategyChoice(int Id, string Label);

    public sealed class ServeInput
    {
        public int? StrategyId { get; set; }
        public Guid Version { get; set; }
    }

    [TempData(Key = StatusMessageKey)]
    public string? StatusMessage { get; set; }

    public TtaRequest TtaRequest { get; private set; } = null!;
    public IReadOnlyList<TtaAction> AllowedActions { get; private set; } = [];
    public bool MayComment { get; private set; }
    public ClockReading? DecisionClock { get; private set; }
    public ClockReading? DeliveryClock { get; private set; }

    /// <summary>A running service clock is past its target (<see cref="TtaRequest.Overdue"/>).</summary>
    public bool IsOverdue { get; private set; }
    public DateOnly Today { get; private set; }
    public ServiceClock Clock => serviceClock;

    /// <summary>Clearinghouse resources given to the request as part of its delivery.</summary>
    public IReadOnlyList<AttachedResource> Attached { get; private set; } = [];
    public bool MayAttach { get; private set; }

    /// <summary>The words a liaison searched the Clearinghouse with from this page, and what they found.</summary>
    [BindProperty(SupportsGet = true, Name = "find")]
    public string? Find { get; set; }

    public IReadOnlyList<AttachedResource> Found { get; private set; } = [];

    /// <summary>The host sites invited to a peer exchange request, and the sites the portal suggests.</summary>
    public IReadOnlyList<HostRow> Hosts { get; private set; } = [];
    public IReadOnlyList<SuggestedHost> SuggestedHosts { get; private set; } = [];
    public bool MayInvite { get; private set; }

    public sealed record AttachedResource(int Id, string Title, ResourceType Type, string? AttachedBy);
    public sealed record HostRow(int Id, string Site, PeerExchangeStatus Status, DateOnly? VisitStart, DateOnly? VisitEnd, string? Note, string? AnsweredBy);
    public sealed record SuggestedHost(int Id, string Name, int Delivered, int Implemented);

    /// <summary>What the action forms post. Each action has fields of its own, so no two forms share an id.</summary>
    public sealed class ActionInput
    {
        public TtaAction? Action { get; set; }
        public Guid Version { get; set; }
        public string? Reason { get; set; }
        public string? Question { get; set; }
        public string? Response { get; set; }
        public string? ApprovalNote { get; set; }
        public string? WithdrawalReason { get; set; }
        public string? Provider { get; set; }
        public DateOnly? ScheduledFor { get; set; }
        public DateOnly? DeliveredOn { get; set; }
        public string? DeliverySummary { get; set; }

        internal DateOnly Today { get; set; }

        /// <summary>The day the request was approved (or, for an older record without one, submitted or created).</summary>
        internal DateOnly ApprovedOn { get; set; }
    }

    public sealed class ActionValidator : AbstractValidator<ActionInput>
    {
        public const int NoteMax = 4000;
        public const int ProviderMax = 200;

        public ActionValidator()
        {
            When(i => i.Action == TtaAction.Decline, () =>
                RuleFor(i => i.Reason).Must(Written).WithMessage("Give the reason for declining.")
                    .MaximumLength(NoteMax).WithMessage($"The reason has at most {NoteMax} characters."));
            When(i => i.Action == TtaAction.AskForInformation, () =>
                RuleFor(i => i.Question).Must(Written).WithMessage("Write the question for the site.")
                    .MaximumLength(NoteMax).WithMessage($"The question has at most {NoteMax} characters."));
            When(i => i.Action == TtaAction.Respond, () =>
                RuleFor(i => i.Response).Must(Written).WithMessage("Write your response to the question.")
                    .MaximumLength(NoteMax).WithMessage($"The response has at most {NoteMax} characters."));
            RuleFor(i => i.ApprovalNote).MaximumLength(NoteMax).WithMessage($"The note has at most {NoteMax} characters.");
            RuleFor(i => i.WithdrawalReason).MaximumLength(NoteMax).WithMessage($"The reason has at most {NoteMax} characters.");
            When(i => i.Action == TtaAction.Schedule, () =>
            {
                RuleFor(i => i.Provider).Must(Written).WithMessage("Enter the TTA provider who will deliver the assistance.")
                    .MaximumLength(ProviderMax).WithMessage($"The provider's name has at most {ProviderMax} characters.");
                RuleFor(i => i.ScheduledFor).NotNull().WithMessage("Enter the date of delivery.");
                RuleFor(i => i.ScheduledFor!.Value)
                    .GreaterThanOrEqualTo(i => TtaDates.ScheduledFor(i.Today).First).WithMessage("The delivery date cannot be in the past.")
                    .LessThanOrEqualTo(i => TtaDates.ScheduledFor(i.Today).Last).WithMessage("The delivery date must be within two years from today.")
                    .When(i => i.ScheduledFor is not null).OverridePropertyName(nameof(ActionInput.ScheduledFor));
            });
            When(i => i.Action == TtaAction.RecordDelivery, () =>
            {
                RuleFor(i => i.DeliveredOn).NotNull().WithMessage("Enter the date the assistance was delivered.");
                RuleFor(i => i.DeliveredOn!.Value)
                    .LessThanOrEqualTo(i => TtaDates.DeliveredOn(i.ApprovedOn, i.Today).Last).WithMessage("The delivery date cannot be in the future.")
                    .GreaterThanOrEqualTo(i => TtaDates.DeliveredOn(i.ApprovedOn, i.Today).First).WithMessage("The delivery date cannot be before the request was approved.")
                    .When(i => i.DeliveredOn is not null).OverridePropertyName(nameof(ActionInput.DeliveredOn));
                RuleFor(i => i.DeliverySummary).Must(Written).WithMessage("Describe what was delivered.")
                    .MaximumLength(NoteMax).WithMessage($"The description has at most {NoteMax} characters.");
            });
        }

        private static bool Written(string? text) => !string.IsNullOrWhiteSpace(text);
    }

    public sealed class CommentInput
    {
        public string? Body { get; set; }
    }

    public sealed class CommentValidator : AbstractValidator<CommentInput>
    {
        public CommentValidator()
        {
            RuleFor(i => i.Body).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage("Write a comment.")
                .MaximumLength(ActionValidator.NoteMax).WithMessage($"A comment has at most {ActionValidator.NoteMax} characters.");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostActAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var request = await db.TtaRequests.InScope(scope).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Act.Action is not { } action || !Enum.IsDefined(action))
        {
            return await RefuseAsync(id, "Choose one of the actions on this page.", StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (!await currentUser.MayTakeAsync(action, request.SiteId, cancellationToken))
        {
            return await RefuseAsync(id, $"You cannot {TtaWorkflow.ButtonLabel(action).ToLowerInvariant()} on this request: that is for {WhoMay(action)}.", StatusCodes.Status403Forbidden, cancellationToken);
        }

        if (Act.Version != request.Version)
        {
            return await RefuseStaleAsync(id, cancellationToken);
        }

        if (!request.Allows(action))
        {
            return await RefuseAsync(id, $"A request that is {TtaWorkflow.StatusLabel(request.Status)} cannot be {TtaWorkflow.PastTense(action)}.", StatusCodes.Status409Conflict, cancellationToken);
        }

        var now = time.GetUtcNow().UtcDateTime;
        Act.Today = serviceClock.DayOf(now);
        Act.ApprovedOn = serviceClock.DayOf(request.ApprovedAt ?? request.SubmittedAt ?? request.CreatedAt);
        var validation = await actionValidator.ValidateAsync(Act, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, "Act");
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        // The form's fields for this action, as the domain takes them; it checks and changes the request in one step.
        var details = new TtaActionDetails(
            Note: action switch
            {
                TtaAction.Decline => Act.Reason,
                TtaAction.AskForInformation => Act.Question,
                TtaAction.Respond => Act.Response,
                TtaAction.Approve => Act.ApprovalNote,
                TtaAction.Withdraw => Act.WithdrawalReason,
                _ => null,
            },
            Provider: Act.Provider,
            ScheduledFor: Act.ScheduledFor,
            DeliveredOn: Act.DeliveredOn,
            DeliverySummary: Act.DeliverySummary);

        var actor = await currentUser.ActorAsync(cancellationToken);
        try
        {
            request.Take(action, details, actor, now, serviceClock);
        }
        catch (WorkflowException e)
        {
            // The workflow refuses too (a date out of range that slipped past the form); nothing is saved.
            db.ChangeTracker.Clear();
            return await RefuseAsync(id, e.Message, StatusCodes.Status400BadRequest, cancellationToken);
        }

        // The version the user saw is the one the database must still hold, or nothing is written.
        if (await db.SaveIfUnchangedAsync(request, Act.Version, cancellationToken) != SaveOutcome.Saved)
        {
            return await RefuseStaleAsync(id, cancellationToken);
        }

        StatusMessage = $"Request {request.ReferenceNumber} {TtaWorkflow.PastTense(action)}. It is now {TtaWorkflow.StatusLabel(request.Status)}.";
        return Redirect($"/Tta/{id}");
    }

    /// <summary>Links the request to the strategy of its site's plan that it serves, or unlinks it (no strategy).</summary>
    public async Task<IActionResult> OnPostStrategyAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var request = await db.TtaRequests.InScope(scope).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (!(await siteScope.PlanAccessAsync(request.SiteId, cancellationToken)).CanWrite())
        {
            return await RefuseAsync(id, "Choosing the strategy a request serves is for the site's liaison and BJA staff.", StatusCodes.Status403Forbidden, cancellationToken);
        }

        if (Serve.Version != request.Version)
        {
            return await RefuseStaleAsync(id, cancellationToken);
        }

        int? strategySite = null;
        if (Serve.StrategyId is { } strategyId)
        {
            strategySite = await db.PlanStrategies.AsNoTracking().Where(s => s.Id == strategyId).Select(s => (int?)s.Goal!.Engagement!.SiteId).SingleOrDefaultAsync(cancellationToken);
        }

        try
        {
            request.ServeStrategy(Serve.StrategyId, strategySite);
        }
        catch (PlanException e)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Serve.StrategyId", e.Message);
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        if (await db.SaveIfUnchangedAsync(request, Serve.Version, cancellationToken) != SaveOutcome.Saved)
        {
            return await RefuseStaleAsync(id, cancellationToken);
        }

        StatusMessage = Serve.StrategyId is null ? $"Request {request.ReferenceNumber} no longer serves a strategy." : $"Request {request.ReferenceNumber} now serves the strategy you chose.";
        return Redirect($"/Tta/{id}");
    }

    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var request = await db.TtaRequests.AsNoTracking().InScope(scope).Where(r => r.Id == id).Select(r => new { r.Id, r.SiteId }).SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (!await currentUser.MayCommentAsync(request.SiteId, cancellationToken))
        {
            return await RefuseAsync(id, "Your role cannot comment on requests.", StatusCodes.Status403Forbidden, cancellationToken);
        }

        var validation = await commentValidator.ValidateAsync(Comment, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, "Comment");
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        var actor = await currentUser.ActorAsync(cancellationToken);
        db.TtaRequestComments.Add(new TtaRequestComment
        {
            TtaRequestId = id,
            AuthorId = actor.UserId,
            AuthorName = actor.Name,
            Body = Comment.Body!.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = "Your comment was added.";
        return Redirect($"/Tta/{id}#comments");
    }

    public async Task<IActionResult> OnPostAttachAsync(int id, int resourceId, CancellationToken cancellationToken)
    {
        var request = await DeliveryRequestAsync(id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (!await currentUser.MayTakeAsync(TtaAction.RecordDelivery, request.SiteId, cancellationToken) || !TtaRequestResource.MayAttachIn(request.Status))
        {
            return await RefuseAsync(id, "Resources are attached by BJA staff and the site's liaison while the request is approved, scheduled or delivered.", StatusCodes.Status403Forbidden, cancellationToken);
        }

        if (!await db.Resources.AnyAsync(r => r.Id == resourceId && !r.IsRetired, cancellationToken))
        {
            return await RefuseAsync(id, "Choose a resource of the Clearinghouse.", StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (!await db.TtaRequestResources.AnyAsync(a => a.TtaRequestId == id && a.ResourceId == resourceId, cancellationToken))
        {
            var actor = await currentUser.ActorAsync(cancellationToken);
            db.TtaRequestResources.Add(new TtaRequestResource { TtaRequestId = id, ResourceId = resourceId, AttachedById = actor.UserId, AttachedByName = actor.Name, AttachedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }

        StatusMessage = "The resource is attached to the request.";
        return Redirect($"/Tta/{id}#delivery-resources");
    }

    public async Task<IActionResult> OnPostDetachAsync(int id, int resourceId, CancellationToken cancellationToken)
    {
        var request = await DeliveryRequestAsync(id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (!await currentUser.MayTakeAsync(TtaAction.RecordDelivery, request.SiteId, cancellationToken) || !TtaRequestResource.MayAttachIn(request.Status))
        {
            return await RefuseAsync(id, "Resources are changed by BJA staff and the site's liaison while the request is approved, scheduled or delivered.", StatusCodes.Status403Forbidden, cancellationToken);
        }

        await db.TtaRequestResources.Where(a => a.TtaRequestId == id && a.ResourceId == resourceId).ExecuteDeleteAsync(cancellationToken);
        StatusMessage = "The resource is no longer attached.";
        return Redirect($"/Tta/{id}#delivery-resources");
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, int hostSiteId, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var request = await db.TtaRequests.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (!await currentUser.MayTakeAsync(TtaAction.Schedule, request.SiteId, cancellationToken))
        {
            return await RefuseAsync(id, "Host sites are invited by BJA staff and the site's liaison.", StatusCodes.Status403Forbidden, cancellationToken);
        }

        // Only a site the portal suggests (one that has done the work) can be invited.
        if (!await db.Sites.AsNoTracking().Where(s => s.Id == hostSiteId).AnyAsync(PeerExchange.HasDone(request.CoreAreaId), cancellationToken))
        {
            return await RefuseAsync(id, "Choose one of the suggested host sites.", StatusCodes.Status400BadRequest, cancellationToken);
        }

        var invited = await db.PeerExchanges.Where(p => p.TtaRequestId == id).Select(p => p.HostSiteId).ToListAsync(cancellationToken);
        try
        {
            db.PeerExchanges.Add(PeerExchange.Invite(request, hostSiteId, invited, await currentUser.ActorAsync(cancellationToken), time.GetUtcNow().UtcDateTime));
        }
        catch (PeerExchangeException e)
        {
            db.ChangeTracker.Clear();
            return await RefuseAsync(id, e.Message, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (await db.SaveUnlessRacedAsync(cancellationToken) != SaveOutcome.Saved)
        {
            return await RefuseAsync(id, "That site is already invited to host this peer exchange.", StatusCodes.Status409Conflict, cancellationToken);
        }

        StatusMessage = "The host site is invited; its points of contact see the invitation on their home page.";
        return Redirect($"/Tta/{id}#peer-exchange");
    }

    private async Task<TtaRequest?> DeliveryRequestAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        return await db.TtaRequests.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    private async Task LoadDeliveryAsync(TtaRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id;
        Attached = await db.TtaRequestResources.AsNoTracking().Where(a => a.TtaRequestId == id).OrderBy(a => a.AttachedAt)
            .Select(a => new AttachedResource(a.ResourceId, a.Resource!.Title, a.Resource.Type, a.AttachedByName)).ToListAsync(cancellationToken);
        MayAttach = TtaRequestResource.MayAttachIn(request.Status) && await currentUser.MayTakeAsync(TtaAction.RecordDelivery, request.SiteId, cancellationToken);
        if (MayAttach && ResourceSearch.Hits(db, Find is { Length: > 200 } f ? f[..200] : Find) is { } hits)
        {
            var attachedIds = Attached.Select(a => a.Id).ToList();
            Found = await db.Resources.AsNoTracking().Where(r => !r.IsRetired && !attachedIds.Contains(r.Id))
                .Join(hits, r => r.Id, h => h.Id, (r, h) => new { r.Id, r.Title, r.Type, h.Rank })
                .OrderBy(x => x.Rank).Take(8)
                .Select(x => new AttachedResource(x.Id, x.Title, x.Type, null)).ToListAsync(cancellationToken);
        }

        if (request.DeliveryMode != DeliveryMode.PeerExchange)
        {
            return;
        }

        Hosts = await db.PeerExchanges.AsNoTracking().Where(p => p.TtaRequestId == id).OrderBy(p => p.InvitedAt)
            .Select(p => new HostRow(p.Id, p.HostSite!.Name + ", " + p.HostSite.State, p.Status, p.VisitStart, p.VisitEnd, p.AnswerNote, p.AnsweredByName))
            .ToListAsync(cancellationToken);
        MayInvite = PeerExchange.MayInviteFor(request) && await currentUser.MayTakeAsync(TtaAction.Schedule, request.SiteId, cancellationToken);
        if (MayInvite)
        {
            var area = request.CoreAreaId;
            var invited = await db.PeerExchanges.Where(p => p.TtaRequestId == id).Select(p => p.HostSiteId).ToListAsync(cancellationToken);
            var hosts = await db.Sites.AsNoTracking().Where(s => s.Id != request.SiteId && !invited.Contains(s.Id)).Where(PeerExchange.HasDone(area))
                .Select(s => new
                {
                    s.Id,
                    Name = s.Name + ", " + s.State,
                    Delivered = s.TtaRequests.Count(r => r.CoreAreaId == area && (r.Status == TtaStatus.Delivered || r.Status == TtaStatus.Closed) && r.DeliveredAt != null),
                    Implemented = s.Engagements.SelectMany(e => e.Goals).SelectMany(g => g.Strategies).Count(st => st.CoreAreaId == area && st.Status == StrategyStatus.Implemented),
                })
                .ToListAsync(cancellationToken);
            SuggestedHosts = [.. hosts.Select(h => new SuggestedHost(h.Id, h.Name, h.Delivered, h.Implemented))
                .OrderByDescending(h => h.Delivered + h.Implemented).ThenBy(h => h.Name, StringComparer.Ordinal)];
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var request = await db.TtaRequests.AsNoTracking().InScope(scope)
            .Include(r => r.Site)
            .Include(r => r.CoreArea)
            .Include(r => r.Strategy).ThenInclude(s => s!.Goal)
            .Include(r => r.History.OrderBy(t => t.OccurredAt).ThenBy(t => t.Id))
            .Include(r => r.Comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id))
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        TtaRequest = request;
        Today = serviceClock.DayOf(now);
        AllowedActions = await currentUser.AllowedActionsAsync(request.SiteId, request.Status, cancellationToken);
        MayComment = await currentUser.MayCommentAsync(request.SiteId, cancellationToken);
        DecisionClock = serviceClock.Decision(request, now);
        DeliveryClock = serviceClock.Delivery(request, now);
        IsOverdue = request.IsOverdueOn(Today);
        await LoadDeliveryAsync(request, cancellationToken);
        MayChooseStrategy = (await siteScope.PlanAccessAsync(request.SiteId, cancellationToken)).CanWrite();
        if (MayChooseStrategy)
        {
            var current = await db.Engagements.AsNoTracking().Where(e => e.SiteId == request.SiteId).OrderByDescending(e => e.StartDate)
                .Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
            Strategies = (await db.PlanStrategies.AsNoTracking()
                .Where(s => s.Goal!.EngagementId == current || s.Id == request.StrategyId)
                .OrderBy(s => s.Goal!.Number).ThenBy(s => s.Number)
                .Select(s => new { s.Id, Goal = s.Goal!.Number, s.Number, s.Title })
                .ToListAsync(cancellationToken))
                .Select(s => new StrategyChoice(s.Id, $"{PlanStrategy.Code(s.Goal, s.Number)} {s.Title}"))
                .ToList();
            Serve.StrategyId = ModelState.ContainsKey("Serve.StrategyId") ? Serve.StrategyId : request.StrategyId;
        }

        return true;
    }

    private async Task<IActionResult> RefuseAsync(int id, string message, int statusCode, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, message);
        await LoadAsync(id, cancellationToken);
        return new PageResult { StatusCode = statusCode };
    }

    /// <summary>Someone else changed the request after this page was opened: say what changed, and show the current values.</summary>
    private async Task<IActionResult> RefuseStaleAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var last = TtaRequest.History.LastOrDefault();
        var change = last is null
            ? string.Empty
            : $"{last.ActorName} chose “{TtaWorkflow.ButtonLabel(last.Action)}” at {serviceClock.LocalTime(last.OccurredAt):MMM d, yyyy h:mm tt}; ";
        ModelState.AddModelError(string.Empty,
            $"This request changed after you opened it, so nothing was saved: {change}it is now {TtaWorkflow.StatusLabel(TtaRequest.Status)}. " +
            "The page shows the current values; check them and act again if you still need to.");
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    private static string WhoMay(TtaAction action) => TtaWorkflow.PartyFor(action) == TtaParty.Requester
        ? "the site's points of contact and its liaison"
        : "BJA staff and the site's liaison";
}
