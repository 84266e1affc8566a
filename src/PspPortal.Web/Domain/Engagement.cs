namespace PspPortal.Web.Domain;

public enum EngagementTrack
{
    Standard,
    Operations,
    Diagnostic,
}

public enum EngagementStatus
{
    Planned,
    Active,
    Sustainment,
    Completed,
    Withdrawn,
}

/// <summary>A site's three-year commitment within a cohort. A site can have several over the years; its current one is the latest.</summary>
public class Engagement
{
    public const int LengthInYears = 3;

    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public EngagementTrack Track { get; set; }
    public EngagementStatus Status { get; set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public List<EngagementMilestone> Milestones { get; } = [];

    /// <summary>The public safety assessment of this engagement, once recorded.</summary>
    public Assessment? Assessment { get; set; }

    /// <summary>The goals of the engagement's strategic plan, each with its strategies.</summary>
    public List<PlanGoal> Goals { get; } = [];

    /// <summary>Adds the plan's next goal, numbered one more than the highest so far.</summary>
    public PlanGoal AddGoal(string title)
    {
        var goal = new PlanGoal
        {
            Engagement = this,
            Number = PlanNumbers.Next(Goals.Select(g => g.Number)),
            Title = PlanText.Require(title, "Give the goal a title."),
        };
        Goals.Add(goal);
        return goal;
    }

    /// <summary>Records the engagement's assessment; an engagement has one.</summary>
    public Assessment RecordAssessment(DateOnly conductedOn, string findings, IEnumerable<int> coreAreaIds)
    {
        if (Assessment is not null)
        {
            throw new PlanException("This engagement's assessment is already recorded; change it instead.");
        }

        var assessment = new Assessment { Engagement = this, Findings = string.Empty };
        assessment.Revise(conductedOn, findings, coreAreaIds);
        Assessment = assessment;
        return assessment;
    }

    /// <summary>Sets the start and derives the end: an engagement lasts three years.</summary>
    public void StartOn(DateOnly start)
    {
        StartDate = start;
        EndDate = EndDateFor(start);
    }

    public static DateOnly EndDateFor(DateOnly start) => start.AddYears(LengthInYears);

    /// <summary>The years of sustainment after the engagement during which its milestones may still fall.</summary>
    public const int SustainmentYears = 2;

    /// <summary>The one rule for a milestone's due date, whether it is added or rescheduled: from the engagement's start
    /// to the end of the two years of sustainment after it.</summary>
    public DateRange MilestoneDueDates => MilestoneDueDatesFor(StartDate, EndDate);

    public static DateRange MilestoneDueDatesFor(DateOnly start, DateOnly end) => new(start, end.AddYears(SustainmentYears));

    /// <summary>What a person is told when a due date falls outside <see cref="MilestoneDueDates"/>.</summary>
    public string MilestoneDueDateMessage =>
        $"The due date must fall between the engagement's start ({DateRange.Words(MilestoneDueDates.First)}) and two years after its end ({DateRange.Words(MilestoneDueDates.Last)}).";

    /// <summary>The dates a milestone can have been completed on: not before the engagement started, not after today.</summary>
    public DateRange CompletionDates(DateOnly today) => new(StartDate, today);

    /// <summary>What a person is told when a completion date falls outside <see cref="CompletionDates"/>.</summary>
    public string CompletionDateMessage(DateOnly today) => today < StartDate
        ? $"The engagement has not started yet (it starts on {DateRange.Words(StartDate)}), so its milestones cannot be completed."
        : $"The completion date must fall between the engagement's start ({DateRange.Words(StartDate)}) and today ({DateRange.Words(today)}).";

    /// <summary>Gives the engagement the standard three-year milestone plan, unless it already has milestones.</summary>
    public void ApplyStandardPlan()
    {
        if (Milestones.Count > 0)
        {
            return;
        }

        foreach (var planned in MilestonePlan.For(StartDate))
        {
            Milestones.Add(new EngagementMilestone
            {
                Title = planned.Title,
                Kind = planned.Kind,
                DueDate = planned.DueDate,
                OriginalDueDate = planned.DueDate,
            });
        }
    }

    /// <summary>Adds a milestone beyond the standard plan; the history records who added it and why.</summary>
    public EngagementMilestone AddMilestone(string title, MilestoneKind kind, DateOnly dueDate, string? ownerName, Actor actor, DateTime at, string? reason = null)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new MilestoneException("Give the milestone a title.");
        }

        if (!MilestoneDueDates.Contains(dueDate))
        {
            throw new MilestoneException(MilestoneDueDateMessage);
        }

        var milestone = new EngagementMilestone
        {
            Title = title.Trim(),
            Kind = kind,
            DueDate = dueDate,
            OriginalDueDate = dueDate,
            OwnerName = string.IsNullOrWhiteSpace(ownerName) ? null : ownerName.Trim(),
        };
        milestone.RecordAdded(actor, at, reason);
        Milestones.Add(milestone);
        return milestone;
    }

    /// <summary>The status an engagement has on a date, judged from its dates (Withdrawn is set by people, not dates).</summary>
    public static EngagementStatus StatusOn(DateOnly start, DateOnly today) =>
        today < start ? EngagementStatus.Planned
        : today < EndDateFor(start) ? EngagementStatus.Active
        : today < EndDateFor(start).AddYears(SustainmentYears) ? EngagementStatus.Sustainment
        : EngagementStatus.Completed;
}
