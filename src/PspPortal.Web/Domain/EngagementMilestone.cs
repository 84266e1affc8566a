namespace PspPortal.Web.Domain;

public enum MilestoneStatus
{
    Planned,
    Completed,
    Deferred,
}

/// <summary>A dated step of an engagement.</summary>
public class EngagementMilestone
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

    /// <summary>Overdue: the due date has passed and it is neither completed nor deferred.</summary>
    public bool IsOverdueOn(DateOnly today) => Status == MilestoneStatus.Planned && DueDate < today;

    public bool CompletedOnTime => Status == MilestoneStatus.Completed && CompletedOn <= DueDate;
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
