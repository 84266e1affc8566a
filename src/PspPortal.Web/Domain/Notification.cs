namespace PspPortal.Web.Domain;

/// <summary>The kinds of event a person is told about; each has its own mail choice (<see cref="MailChoice"/>).</summary>
public enum NotificationKind
{
    RequestSubmitted,
    RequestDecided,
    InformationRequested,
    RequestScheduled,
    CommentAdded,
    MilestoneReminder,
    PeerExchangeInvitation,
    ToolkitShared,
}

/// <summary>How a person wants mail about one kind of event.</summary>
public enum MailChoice
{
    RightAway,
    DailyDigest,
    Never,
}

/// <summary>Something that needs a person: shown on /Notifications and counted in the header until read. Written in
/// the same transaction as the change it tells of (Data/NotificationInterceptor) or by the daily reminders.</summary>
public class Notification
{
    public const int TextMax = 400;
    public const int LinkMax = 200;

    public long Id { get; set; }
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>What happened, in plain words, for the list and the mail ("TTA-2026-00012: information requested").</summary>
    public required string Text { get; set; }

    /// <summary>The portal path of the thing it is about (<c>/Tta/12</c>), made absolute with App:BaseUrl in mail.</summary>
    public required string Link { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>A key that makes "not twice" true in the database (a unique index): reminders use
    /// <c>milestone:{id}:{due|overdue}:{day}</c>. Null for events that happen once by nature.</summary>
    public string? OnceKey { get; set; }

    public static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.RequestSubmitted => "A request submitted to one of my sites",
        NotificationKind.RequestDecided => "A decision on my request",
        NotificationKind.InformationRequested => "A question on my request",
        NotificationKind.RequestScheduled => "My request scheduled",
        NotificationKind.CommentAdded => "A comment on a request I follow",
        NotificationKind.MilestoneReminder => "A milestone due soon or overdue",
        NotificationKind.PeerExchangeInvitation => "A peer exchange invitation",
        NotificationKind.ToolkitShared => "A toolkit shared with me",
        _ => kind.ToString(),
    };

    public static string ChoiceName(MailChoice choice) => choice switch
    {
        MailChoice.RightAway => "Right away",
        MailChoice.DailyDigest => "Daily digest",
        MailChoice.Never => "Never",
        _ => choice.ToString(),
    };

    /// <summary>Mail is sent right away unless the person chose otherwise.</summary>
    public const MailChoice DefaultChoice = MailChoice.RightAway;

    /// <summary>How many days before its due date a milestone is "due soon".</summary>
    public const int DueSoonDays = 7;
}

/// <summary>A person's mail choice for one kind of event; no row means <see cref="Notification.DefaultChoice"/>.</summary>
public class NotificationPreference
{
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public MailChoice Choice { get; set; }
}

/// <summary>Who follows a request: its requester and everyone who acts on it or comments on it, until they choose
/// "Stop following" (<see cref="Following"/> false, kept so that acting again does not follow again).</summary>
public class RequestFollow
{
    public int TtaRequestId { get; set; }
    public required string UserId { get; set; }
    public bool Following { get; set; }
}
