namespace PspPortal.Web.Domain;

public enum MilestoneStatus
{
    Planned,
    Completed,
    Deferred,
}

/// <summary>A dated step of an engagement.</summary>
public class EngagementMilestone : IVersioned
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }
    public required string Title { get; set; }
    public MilestoneKind Kind { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly OriginalDueDate { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public MilestoneStatus Status { get; set; }
    public string? OwnerName { get; set; }
    public string? Notes { get; set; }

    /// <summary>Concurrency token: changes on every save, so a stale edit is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<MilestoneChange> Changes { get; } = [];

    /// <summary>Overdue: the due date has passed and it is neither completed nor deferred. The one definition, used by
    /// queries (<see cref="MilestoneFigures.OverdueOn"/>), page models and the calendar feed alike.</summary>
    public static DayRule<EngagementMilestone> Overdue { get; } = new((m, today) => m.DueDate < today && m.Status == MilestoneStatus.Planned);

    public bool IsOverdueOn(DateOnly today) => Overdue.IsTrue(this, today);

    /// <summary><see cref="Overdue"/> for a milestone known only by its status and due date (a row already read).</summary>
    public static bool IsOverdue(MilestoneStatus status, DateOnly dueDate, DateOnly today) =>
        Overdue.IsTrue(new EngagementMilestone { Title = string.Empty, Status = status, DueDate = dueDate }, today);

    public bool CompletedOnTime => Status == MilestoneStatus.Completed && CompletedOn <= DueDate;

    /// <summary>The changes a milestone in a status allows (to someone who may change milestones at all): a completed
    /// one none, a deferred one completion or a new date, a planned one all three. The pages offer exactly these and
    /// the methods below refuse anything else.</summary>
    public static IReadOnlyList<MilestoneChangeKind> ChangesAllowedIn(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Planned => [MilestoneChangeKind.Complete, MilestoneChangeKind.Reschedule, MilestoneChangeKind.Defer],
        MilestoneStatus.Deferred => [MilestoneChangeKind.Complete, MilestoneChangeKind.Reschedule],
        _ => [],
    };

    public bool Allows(MilestoneChangeKind change) => ChangesAllowedIn(Status).Contains(change);

    /// <summary>Marks the milestone completed on <paramref name="completedOn"/>, which cannot be later than today nor
    /// (when the engagement is loaded) before the engagement started. When <paramref name="plan"/> is given, a milestone
    /// whose kind needs plan content (<see cref="PlanContent.MissingFor"/>) is refused until the content is there.</summary>
    public MilestoneChange Complete(DateOnly completedOn, DateOnly today, Actor actor, DateTime at, string? note = null, PlanContent? plan = null)
    {
        if (!Allows(MilestoneChangeKind.Complete))
        {
            throw new MilestoneException("This milestone is already completed.");
        }

        if (plan?.MissingFor(Kind) is { } missing)
        {
            throw new MilestoneException(missing);
        }

        if (completedOn > today)
        {
            throw new MilestoneException("The completion date cannot be in the future.");
        }

        if (Engagement is { } engagement && !engagement.CompletionDates(today).Contains(completedOn))
        {
            throw new MilestoneException(engagement.CompletionDateMessage(today));
        }

        Status = MilestoneStatus.Completed;
        CompletedOn = completedOn;
        return Record(MilestoneActions.Completed, actor, at, Clean(note), DueDate, DueDate);
    }

    /// <summary>Moves the due date, for a reason that is kept. A deferred milestone that is rescheduled is planned again.</summary>
    public MilestoneChange Reschedule(DateOnly newDueDate, string reason, Actor actor, DateTime at)
    {
        if (!Allows(MilestoneChangeKind.Reschedule))
        {
            throw new MilestoneException("A completed milestone cannot be rescheduled.");
        }

        var why = RequireReason(reason, "Give the reason for rescheduling.");
        if (newDueDate == DueDate && Status == MilestoneStatus.Planned)
        {
            throw new MilestoneException("The new due date is the same as the present one.");
        }

        if (Engagement is { } engagement && !engagement.MilestoneDueDates.Contains(newDueDate))
        {
            throw new MilestoneException(engagement.MilestoneDueDateMessage);
        }

        var from = DueDate;
        DueDate = newDueDate;
        Status = MilestoneStatus.Planned;
        return Record(MilestoneActions.Rescheduled, actor, at, why, from, newDueDate);
    }

    /// <summary>Sets the milestone aside, for a reason that is kept; a deferred milestone is neither due nor overdue.</summary>
    public MilestoneChange Defer(string reason, Actor actor, DateTime at)
    {
        if (!Allows(MilestoneChangeKind.Defer))
        {
            throw new MilestoneException(Status == MilestoneStatus.Completed ? "A completed milestone cannot be deferred." : "This milestone is already deferred.");
        }

        var why = RequireReason(reason, "Give the reason for deferring.");
        Status = MilestoneStatus.Deferred;
        return Record(MilestoneActions.Deferred, actor, at, why, DueDate, DueDate);
    }

    /// <summary>Replaces the notes (an analyst's or a liaison's working notes); the change is kept like any other.</summary>
    public MilestoneChange UpdateNotes(string? notes, Actor actor, DateTime at)
    {
        Notes = Clean(notes);
        return Record(MilestoneActions.NotesUpdated, actor, at, null, null, null);
    }

    /// <summary>Records that the milestone was added to the plan by a person (the standard plan records nothing).</summary>
    internal MilestoneChange RecordAdded(Actor actor, DateTime at, string? reason) =>
        Record(MilestoneActions.Added, actor, at, Clean(reason), null, DueDate);

    private MilestoneChange Record(string action, Actor actor, DateTime at, string? reason, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var change = new MilestoneChange
        {
            Action = action,
            FromDueDate = from,
            ToDueDate = to,
            Reason = reason,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            OccurredAt = at,
        };
        Changes.Add(change);
        Version = Guid.NewGuid();
        return change;
    }

    private static string RequireReason(string? reason, string message) =>
        Clean(reason) ?? throw new MilestoneException(message);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A change that the milestone's rules refuse; its message is shown to the user as it is.</summary>
public class MilestoneException(string message) : InvalidOperationException(message);

/// <summary>The actions recorded in a milestone's history.</summary>
/// <summary>The changes people make to a milestone, as offered by the buttons "Mark complete", "Reschedule", "Defer".</summary>
public enum MilestoneChangeKind
{
    Complete,
    Reschedule,
    Defer,
}

public static class MilestoneActions
{
    public const string Added = "Added";
    public const string Completed = "Completed";
    public const string Rescheduled = "Rescheduled";
    public const string Deferred = "Deferred";
    public const string NotesUpdated = "Notes updated";
}

/// <summary>One change of a milestone (completed, rescheduled, deferred, noted) with who made it and why.</summary>
public class MilestoneChange
{
    public int Id { get; set; }
    public int MilestoneId { get; set; }
    public required string Action { get; set; }
    public DateOnly? FromDueDate { get; set; }
    public DateOnly? ToDueDate { get; set; }
    public string? Reason { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public DateTime OccurredAt { get; set; }
}
