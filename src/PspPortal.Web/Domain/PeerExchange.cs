using System.Linq.Expressions;

namespace PspPortal.Web.Domain;

public enum PeerExchangeStatus
{
    Invited,
    Accepted,
    Declined,
}

/// <summary>An invitation to a host site to receive a visit from a requesting site, on a TTA request whose delivery
/// mode is Peer exchange. The host site's points of contact answer it: accept with the visit's dates, or decline. An
/// accepted visit becomes a milestone of the requesting site's engagement.</summary>
public class PeerExchange : IVersioned
{
    public const int NoteMax = 2000;

    /// <summary>A visit lasts at most this many days.</summary>
    public const int LongestVisitDays = 14;

    public int Id { get; set; }
    public int TtaRequestId { get; set; }
    public TtaRequest? TtaRequest { get; set; }
    public int HostSiteId { get; set; }
    public Site? HostSite { get; set; }
    public PeerExchangeStatus Status { get; set; }
    public string? InvitedById { get; set; }
    public required string InvitedByName { get; set; }
    public DateTime InvitedAt { get; set; }
    public DateOnly? VisitStart { get; set; }
    public DateOnly? VisitEnd { get; set; }
    public string? AnswerNote { get; set; }
    public string? AnsweredByName { get; set; }
    public DateTime? AnsweredAt { get; set; }

    /// <summary>The requesting site's milestone made for an accepted visit.</summary>
    public int? MilestoneId { get; set; }
    public EngagementMilestone? Milestone { get; set; }

    /// <summary>Concurrency token: two contacts of the host site cannot both answer.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>A site can host a peer exchange in a core area when it has done that work: a request in the area
    /// delivered (or closed after delivery), or a strategy of its plan in the area implemented.</summary>
    public static Expression<Func<Site, bool>> HasDone(int coreAreaId) => s =>
        s.TtaRequests.Any(r => r.CoreAreaId == coreAreaId && (r.Status == TtaStatus.Delivered || r.Status == TtaStatus.Closed) && r.DeliveredAt != null)
        || s.Engagements.Any(e => e.Goals.Any(g => g.Strategies.Any(st => st.CoreAreaId == coreAreaId && st.Status == StrategyStatus.Implemented)));

    /// <summary>Host sites can be invited while the request is being decided and delivered, never after.</summary>
    public static bool MayInviteFor(TtaRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.DeliveryMode == DeliveryMode.PeerExchange
            && request.Status is TtaStatus.Submitted or TtaStatus.InReview or TtaStatus.Approved or TtaStatus.Scheduled;
    }

    public static PeerExchange Invite(TtaRequest request, int hostSiteId, IEnumerable<int> alreadyInvited, Actor actor, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayInviteFor(request))
        {
            throw new PeerExchangeException("Host sites can be invited only to a peer exchange request that is being decided or delivered.");
        }

        if (hostSiteId == request.SiteId)
        {
            throw new PeerExchangeException("A site cannot host its own peer exchange.");
        }

        if (alreadyInvited.Contains(hostSiteId))
        {
            throw new PeerExchangeException("That site is already invited to host this peer exchange.");
        }

        return new PeerExchange
        {
            TtaRequestId = request.Id,
            HostSiteId = hostSiteId,
            Status = PeerExchangeStatus.Invited,
            InvitedById = actor.UserId,
            InvitedByName = actor.Name,
            InvitedAt = at,
        };
    }

    /// <summary>The dates a visit answered on <paramref name="today"/> may start: from tomorrow to a year ahead.</summary>
    public static DateRange VisitStarts(DateOnly today) => new(today.AddDays(1), today.AddYears(1));

    /// <summary>Accepts with the visit's dates. The caller adds <see cref="VisitMilestoneTitle"/> to the requesting site's engagement.</summary>
    public void Accept(DateOnly start, DateOnly end, string? note, DateOnly today, Actor actor, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireOpen();
        if (!VisitStarts(today).Contains(start))
        {
            var range = VisitStarts(today);
            throw new PeerExchangeException($"The visit must start between {DateRange.Words(range.First)} and {DateRange.Words(range.Last)}.");
        }

        if (end < start || end > start.AddDays(LongestVisitDays - 1))
        {
            throw new PeerExchangeException($"The visit ends on or after its first day and lasts at most {LongestVisitDays} days.");
        }

        Status = PeerExchangeStatus.Accepted;
        VisitStart = start;
        VisitEnd = end;
        Answered(note, actor, at);
    }

    public void Decline(string? note, Actor actor, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireOpen();
        Status = PeerExchangeStatus.Declined;
        Answered(note, actor, at);
    }

    public static string VisitMilestoneTitle(string hostSiteName) => $"Peer exchange visit to {hostSiteName}";

    public static string StatusDisplay(PeerExchangeStatus status) => status switch
    {
        PeerExchangeStatus.Invited => "Waiting for an answer",
        PeerExchangeStatus.Accepted => "Accepted",
        PeerExchangeStatus.Declined => "Declined",
        _ => status.ToString(),
    };

    private void RequireOpen()
    {
        if (Status != PeerExchangeStatus.Invited)
        {
            throw new PeerExchangeException($"This invitation was already answered: {StatusDisplay(Status).ToLowerInvariant()}.");
        }
    }

    private void Answered(string? note, Actor actor, DateTime at)
    {
        AnswerNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        AnsweredByName = actor.Name;
        AnsweredAt = at;
        Version = Guid.NewGuid();
    }
}

public class PeerExchangeException(string message) : InvalidOperationException(message);
