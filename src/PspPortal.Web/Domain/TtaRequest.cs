namespace PspPortal.Web.Domain;

public enum TtaStatus
{
    Draft,
    Submitted,
    InReview,
    NeedsInfo,
    Approved,
    Scheduled,
    Delivered,
    Closed,
    Declined,
    Withdrawn,
}

public enum DeliveryMode
{
    OnSite,
    Virtual,
    Training,
    PeerExchange,
    Webinar,
    ResourcePublication,
}

public enum TtaPriority
{
    Routine,
    Expedited,
}

/// <summary>A site's request for training and technical assistance in one core area.</summary>
public class TtaRequest : IVersioned
{
    public int Id { get; set; }

    /// <summary>TTA-{year}-{five digits}, such as TTA-2026-00042.</summary>
    public required string ReferenceNumber { get; set; }

    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public int CoreAreaId { get; set; }
    public CoreArea? CoreArea { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public required string DesiredOutcome { get; set; }
    public DeliveryMode DeliveryMode { get; set; }
    public TtaPriority Priority { get; set; }
    public DateOnly NeededBy { get; set; }
    public string? RequesterId { get; set; }
    public required string RequesterName { get; set; }
    public string? AssignedProvider { get; set; }
    public DateOnly? ScheduledFor { get; set; }
    public DateOnly? DeliveredOn { get; set; }
    public string? DeliverySummary { get; set; }
    public TtaStatus Status { get; set; }

    /// <summary>The strategy of the site's plan that the request serves, if any.</summary>
    public int? StrategyId { get; set; }
    public PlanStrategy? Strategy { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When the request was (last) submitted; the decision clock runs from here.</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>The first decision: approve, decline or ask for information.</summary>
    public DateTime? FirstDecisionAt { get; set; }

    public DateTime? ApprovedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }

    /// <summary>The day by which the first decision is due (set by the <see cref="ServiceClock"/> on submission).</summary>
    public DateOnly? DecisionDueOn { get; set; }

    /// <summary>The day by which delivery is due (set by the <see cref="ServiceClock"/> on approval).</summary>
    public DateOnly? DeliveryDueOn { get; set; }

    /// <summary>Concurrency token: changes on every transition, so a stale page cannot overwrite a newer state.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The decision clock is overdue: submitted, not yet decided, and past its stored due date.</summary>
    public static DayRule<TtaRequest> DecisionOverdue { get; } = new((r, today) =>
        r.FirstDecisionAt == null && r.DecisionDueOn < today && (r.Status == TtaStatus.Submitted || r.Status == TtaStatus.InReview));

    /// <summary>The delivery clock is overdue: approved, not yet delivered, and past its stored due date.</summary>
    public static DayRule<TtaRequest> DeliveryOverdue { get; } = new((r, today) =>
        r.DeliveredAt == null && r.DeliveryDueOn < today && (r.Status == TtaStatus.Approved || r.Status == TtaStatus.Scheduled));

    /// <summary>Overdue: a running service clock is past its target (<see cref="ServiceClock"/> stores the due dates at
    /// every transition). The one definition, used by the lists (as SQL), the request page and the figures.</summary>
    public static DayRule<TtaRequest> Overdue { get; } = DecisionOverdue.Or(DeliveryOverdue);

    public bool IsOverdueOn(DateOnly today) => Overdue.IsTrue(this, today);

    public List<TtaRequestTransition> History { get; } = [];
    public List<TtaRequestComment> Comments { get; } = [];

    public static string FormatReference(int year, int number) => $"TTA-{year}-{number:D5}";

    /// <summary>Links the request to the strategy it serves (null: none). The strategy must be of the request's own
    /// site's plan (<paramref name="strategySiteId"/>); the request's version changes like on any other change.</summary>
    public void ServeStrategy(int? strategyId, int? strategySiteId)
    {
        if (strategyId is not null && strategySiteId != SiteId)
        {
            throw new PlanException("Choose a strategy of the plan of the request's own site.");
        }

        StrategyId = strategyId;
        Version = Guid.NewGuid();
    }

    /// <summary>Whether the workflow allows the action from the request's present status (<see cref="TtaWorkflow"/>).</summary>
    public bool Allows(TtaAction action) => TtaWorkflow.Target(Status, action) is not null;

    /// <summary>Takes an action with what the person entered for it: the provider and date for "Schedule", the date
    /// and summary for "Record delivery", otherwise the note. The one entry for pages; it checks once and either
    /// changes the request completely or throws <see cref="WorkflowException"/> and leaves it as it was.</summary>
    public TtaRequestTransition Take(TtaAction action, TtaActionDetails details, Actor actor, DateTime at, ServiceClock clock)
    {
        ArgumentNullException.ThrowIfNull(details);
        return action switch
        {
            TtaAction.Schedule => Schedule(
                details.Provider ?? throw new WorkflowException("Enter the TTA provider who will deliver the assistance."),
                details.ScheduledFor ?? throw new WorkflowException("Enter the date of delivery."),
                actor, at, clock),
            TtaAction.RecordDelivery => RecordDelivery(
                details.DeliveredOn ?? throw new WorkflowException("Enter the date the assistance was delivered."),
                details.DeliverySummary ?? throw new WorkflowException("Describe what was delivered."),
                actor, at, clock),
            _ => Apply(action, actor, at, details.Note, clock),
        };
    }

    /// <summary>Schedules delivery by a provider on a date; the history notes both.</summary>
    public TtaRequestTransition Schedule(string provider, DateOnly scheduledFor, Actor actor, DateTime at, ServiceClock clock)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (string.IsNullOrWhiteSpace(provider))
        {
            throw new WorkflowException("Enter the TTA provider who will deliver the assistance.");
        }

        var before = (AssignedProvider, ScheduledFor);
        AssignedProvider = provider.Trim();
        ScheduledFor = scheduledFor;
        return ApplyOrUndo(TtaAction.Schedule, actor, at, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Scheduled with {AssignedProvider} for {scheduledFor:MMMM d, yyyy}."), clock,
            () => (AssignedProvider, ScheduledFor) = before);
    }

    /// <summary>Records the day the assistance was delivered and what it was; the summary is the history's note.</summary>
    public TtaRequestTransition RecordDelivery(DateOnly deliveredOn, string summary, Actor actor, DateTime at, ServiceClock clock)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new WorkflowException("Describe what was delivered.");
        }

        var before = (DeliveredOn, DeliverySummary);
        DeliveredOn = deliveredOn;
        DeliverySummary = summary.Trim();
        return ApplyOrUndo(TtaAction.RecordDelivery, actor, at, DeliverySummary, clock, () => (DeliveredOn, DeliverySummary) = before);
    }

    private TtaRequestTransition ApplyOrUndo(TtaAction action, Actor actor, DateTime at, string note, ServiceClock clock, Action undo)
    {
        try
        {
            return Apply(action, actor, at, note, clock);
        }
        catch (WorkflowException)
        {
            undo();
            throw;
        }
    }

    /// <summary>Moves the request along the workflow with the default service targets.</summary>
    /// <exception cref="WorkflowException">when the action is not allowed in the present state.</exception>
    public TtaRequestTransition Apply(TtaAction action, Actor actor, DateTime at, string? note = null) =>
        Apply(action, actor, at, note, ServiceClock.Default);

    /// <summary>Moves the request along the workflow, recording who, when, from, to and the note, and sets the
    /// due dates of its service clocks.</summary>
    /// <exception cref="WorkflowException">when the action is not allowed in the present state.</exception>
    public TtaRequestTransition Apply(TtaAction action, Actor actor, DateTime at, string? note, ServiceClock clock)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        var to = TtaWorkflow.Target(Status, action)
            ?? throw new WorkflowException($"A request that is {TtaWorkflow.StatusLabel(Status)} cannot be {TtaWorkflow.PastTense(action)}.");
        CheckDates(action, clock.DayOf(at), clock);

        var transition = new TtaRequestTransition
        {
            Action = action,
            FromStatus = Status,
            ToStatus = to,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            OccurredAt = at,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        History.Add(transition);

        switch (action)
        {
            case TtaAction.Submit:
                SubmittedAt ??= at;
                break;
            case TtaAction.Respond:
                break;
            case TtaAction.Approve:
                FirstDecisionAt ??= at;
                ApprovedAt = at;
                break;
            case TtaAction.Decline:
            case TtaAction.AskForInformation:
                FirstDecisionAt ??= at;
                break;
            case TtaAction.RecordDelivery:
                DeliveredAt = at;
                break;
        }

        Status = to;
        UpdatedAt = at;
        Version = Guid.NewGuid();
        clock.StampDueDates(this);
        return transition;
    }

    /// <summary>Refuses a scheduled or delivery date outside <see cref="TtaDates"/> before anything changes. A date left
    /// empty is the form's concern (older records have none).</summary>
    private void CheckDates(TtaAction action, DateOnly today, ServiceClock clock)
    {
        if (action == TtaAction.Schedule && ScheduledFor is { } scheduled && !TtaDates.ScheduledFor(today).Contains(scheduled))
        {
            var range = TtaDates.ScheduledFor(today);
            throw new WorkflowException($"The delivery date must fall between {DateRange.Words(range.First)} and {DateRange.Words(range.Last)}.");
        }

        if (action == TtaAction.RecordDelivery && DeliveredOn is { } delivered)
        {
            var approvedOn = clock.DayOf(ApprovedAt ?? SubmittedAt ?? CreatedAt);
            var range = TtaDates.DeliveredOn(approvedOn, today);
            if (!range.Contains(delivered))
            {
                throw new WorkflowException($"The delivery date must fall between the day the request was approved ({DateRange.Words(range.First)}) and today ({DateRange.Words(range.Last)}).");
            }
        }
    }
}

/// <summary>What a person entered with an action: a note (reason, question, response, approval note, withdrawal
/// reason), or the data of "Schedule" and "Record delivery".</summary>
public sealed record TtaActionDetails(string? Note = null, string? Provider = null, DateOnly? ScheduledFor = null, DateOnly? DeliveredOn = null, string? DeliverySummary = null);

public class WorkflowException(string message) : InvalidOperationException(message);

/// <summary>One step of a request's history.</summary>
public class TtaRequestTransition
{
    public int Id { get; set; }
    public int TtaRequestId { get; set; }
    public TtaAction Action { get; set; }
    public TtaStatus FromStatus { get; set; }
    public TtaStatus ToStatus { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? Note { get; set; }
}

public class TtaRequestComment
{
    public int Id { get; set; }
    public int TtaRequestId { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The last reference number given out in a year, so that numbers are unique and sequential.</summary>
public class ReferenceCounter
{
    public int Year { get; set; }
    public int LastNumber { get; set; }
}
