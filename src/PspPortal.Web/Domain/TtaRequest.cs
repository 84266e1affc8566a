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
public class TtaRequest
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

    public List<TtaRequestTransition> History { get; } = [];
    public List<TtaRequestComment> Comments { get; } = [];

    public static string FormatReference(int year, int number) => $"TTA-{year}-{number:D5}";

    /// <summary>Moves the request along the workflow with the default service targets.</summary>
    /// <exception cref="WorkflowException">when the action is not allowed in the present state.</exception>
    public TtaRequestTransition Apply(TtaAction action, TtaActor actor, DateTime at, string? note = null) =>
        Apply(action, actor, at, note, ServiceClock.Default);

    /// <summary>Moves the request along the workflow, recording who, when, from, to and the note, and sets the
    /// due dates of its service clocks.</summary>
    /// <exception cref="WorkflowException">when the action is not allowed in the present state.</exception>
    public TtaRequestTransition Apply(TtaAction action, TtaActor actor, DateTime at, string? note, ServiceClock clock)
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

/// <summary>Who takes an action, as the history records them.</summary>
public sealed record TtaActor(string? UserId, string Name);

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
