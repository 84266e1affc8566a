namespace PspPortal.Web.Domain;

public enum TtaAction
{
    Submit,
    StartReview,
    Approve,
    Decline,
    AskForInformation,
    Respond,
    Schedule,
    RecordDelivery,
    Close,
    Withdraw,
}

/// <summary>Who may act on a request, relative to it: the person who asked for it, or someone who decides it.</summary>
public enum TtaParty
{
    Requester,
    Decider,
}

/// <summary>The TTA request workflow of the product specification, as a table of allowed transitions.</summary>
public static class TtaWorkflow
{
    private static readonly Dictionary<(TtaStatus From, TtaAction Action), TtaStatus> Transitions = new()
    {
        [(TtaStatus.Draft, TtaAction.Submit)] = TtaStatus.Submitted,
        [(TtaStatus.Submitted, TtaAction.StartReview)] = TtaStatus.InReview,
        [(TtaStatus.InReview, TtaAction.Approve)] = TtaStatus.Approved,
        [(TtaStatus.InReview, TtaAction.Decline)] = TtaStatus.Declined,
        [(TtaStatus.InReview, TtaAction.AskForInformation)] = TtaStatus.NeedsInfo,
        [(TtaStatus.NeedsInfo, TtaAction.Respond)] = TtaStatus.Submitted,
        [(TtaStatus.Approved, TtaAction.Schedule)] = TtaStatus.Scheduled,
        [(TtaStatus.Scheduled, TtaAction.RecordDelivery)] = TtaStatus.Delivered,
        [(TtaStatus.Delivered, TtaAction.Close)] = TtaStatus.Closed,
        [(TtaStatus.Draft, TtaAction.Withdraw)] = TtaStatus.Withdrawn,
        [(TtaStatus.Submitted, TtaAction.Withdraw)] = TtaStatus.Withdrawn,
        [(TtaStatus.InReview, TtaAction.Withdraw)] = TtaStatus.Withdrawn,
        [(TtaStatus.NeedsInfo, TtaAction.Withdraw)] = TtaStatus.Withdrawn,
    };

    public static IReadOnlyCollection<TtaStatus> OpenStatuses { get; } =
        [TtaStatus.Draft, TtaStatus.Submitted, TtaStatus.InReview, TtaStatus.NeedsInfo, TtaStatus.Approved, TtaStatus.Scheduled];

    public static IReadOnlyCollection<TtaStatus> FinalStatuses { get; } =
        [TtaStatus.Closed, TtaStatus.Declined, TtaStatus.Withdrawn];

    /// <summary>The state an action leads to, or null when the workflow does not allow it from <paramref name="from"/>.</summary>
    public static TtaStatus? Target(TtaStatus from, TtaAction action) =>
        Transitions.TryGetValue((from, action), out var to) ? to : null;

    public static IEnumerable<TtaAction> ActionsFrom(TtaStatus from) =>
        Transitions.Keys.Where(k => k.From == from).Select(k => k.Action);

    /// <summary>The party who takes an action: requesters submit, respond and withdraw; deciders do the rest.</summary>
    public static TtaParty PartyFor(TtaAction action) => action switch
    {
        TtaAction.Submit or TtaAction.Respond or TtaAction.Withdraw => TtaParty.Requester,
        _ => TtaParty.Decider,
    };

    /// <summary>What an action needs the person to write: declining needs a reason, asking needs a question, …</summary>
    public static string? RequiredNoteLabel(TtaAction action) => action switch
    {
        TtaAction.Decline => "Reason for declining",
        TtaAction.AskForInformation => "Question for the site",
        TtaAction.Respond => "Response",
        _ => null,
    };

    public static string ButtonLabel(TtaAction action) => action switch
    {
        TtaAction.Submit => "Submit request",
        TtaAction.StartReview => "Start review",
        TtaAction.Approve => "Approve",
        TtaAction.Decline => "Decline",
        TtaAction.AskForInformation => "Ask for information",
        TtaAction.Respond => "Respond",
        TtaAction.Schedule => "Schedule",
        TtaAction.RecordDelivery => "Record delivery",
        TtaAction.Close => "Close",
        TtaAction.Withdraw => "Withdraw",
        _ => action.ToString(),
    };

    public static string PastTense(TtaAction action) => action switch
    {
        TtaAction.Submit => "submitted",
        TtaAction.StartReview => "taken into review",
        TtaAction.Approve => "approved",
        TtaAction.Decline => "declined",
        TtaAction.AskForInformation => "sent back with a question",
        TtaAction.Respond => "answered",
        TtaAction.Schedule => "scheduled",
        TtaAction.RecordDelivery => "recorded as delivered",
        TtaAction.Close => "closed",
        TtaAction.Withdraw => "withdrawn",
        _ => action.ToString(),
    };

    public static string StatusLabel(TtaStatus status) => status switch
    {
        TtaStatus.InReview => "in review",
        TtaStatus.NeedsInfo => "waiting for information",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string StatusDisplay(TtaStatus status) => status switch
    {
        TtaStatus.InReview => "In review",
        TtaStatus.NeedsInfo => "Needs information",
        _ => status.ToString(),
    };

    public static string DeliveryModeDisplay(DeliveryMode mode) => mode switch
    {
        DeliveryMode.OnSite => "On-site",
        DeliveryMode.PeerExchange => "Peer exchange",
        DeliveryMode.ResourcePublication => "Resource/publication",
        _ => mode.ToString(),
    };
}
