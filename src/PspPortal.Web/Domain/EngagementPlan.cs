namespace PspPortal.Web.Domain;

public enum RecommendationPriority
{
    High,
    Medium,
    Low,
}

public enum RecommendationStatus
{
    Open,
    InProgress,
    Addressed,
    NotAdopted,
}

public enum StrategyStatus
{
    NotStarted,
    InProgress,
    Implemented,
    Dropped,
}

/// <summary>The public safety assessment of an engagement: when it was done, the core areas it looked at, what it
/// found, and its numbered recommendations. One per engagement.</summary>
public class Assessment : IVersioned
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }
    public DateOnly ConductedOn { get; set; }
    public required string Findings { get; set; }

    /// <summary>Concurrency token: changes on every save of the assessment's own fields.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<AssessmentCoreArea> CoreAreas { get; } = [];
    public List<Recommendation> Recommendations { get; } = [];

    /// <summary>Sets the date, findings and core areas; the date falls within the engagement (when it is loaded).</summary>
    public void Revise(DateOnly conductedOn, string findings, IEnumerable<int> coreAreaIds)
    {
        ArgumentNullException.ThrowIfNull(coreAreaIds);
        if (Engagement is { } engagement && !PlanDates.AssessedOn(engagement.StartDate, engagement.EndDate).Contains(conductedOn))
        {
            throw new PlanException(PlanDates.AssessedOnMessage(engagement.StartDate, engagement.EndDate));
        }

        ConductedOn = conductedOn;
        Findings = PlanText.Require(findings, "Write what the assessment found.");
        var wanted = coreAreaIds.Distinct().ToHashSet();
        if (wanted.Count == 0)
        {
            throw new PlanException("Choose at least one core area the assessment looked at.");
        }

        CoreAreas.RemoveAll(c => !wanted.Contains(c.CoreAreaId));
        foreach (var id in wanted.Where(id => CoreAreas.All(c => c.CoreAreaId != id)).Order())
        {
            CoreAreas.Add(new AssessmentCoreArea { CoreAreaId = id });
        }

        Version = Guid.NewGuid();
    }

    /// <summary>Adds the next recommendation: numbered one more than the highest so far (numbers are never reused).</summary>
    public Recommendation AddRecommendation(string text, int coreAreaId, RecommendationPriority priority, string? ownerName)
    {
        var recommendation = new Recommendation
        {
            Number = PlanNumbers.Next(Recommendations.Select(r => r.Number)),
            Text = PlanText.Require(text, "Write the recommendation."),
            CoreAreaId = coreAreaId,
            Priority = priority,
            Status = RecommendationStatus.Open,
            OwnerName = PlanText.Clean(ownerName),
        };
        Recommendations.Add(recommendation);
        return recommendation;
    }
}

/// <summary>A core area that an assessment looked at.</summary>
public class AssessmentCoreArea
{
    public int AssessmentId { get; set; }
    public int CoreAreaId { get; set; }
    public CoreArea? CoreArea { get; set; }
}

/// <summary>A numbered recommendation of an assessment, optionally served by a strategy of the plan.</summary>
public class Recommendation : IVersioned
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public Assessment? Assessment { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
    public int CoreAreaId { get; set; }
    public CoreArea? CoreArea { get; set; }
    public RecommendationPriority Priority { get; set; }
    public RecommendationStatus Status { get; set; }
    public string? OwnerName { get; set; }
    public int? StrategyId { get; set; }
    public PlanStrategy? Strategy { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Changes the status, owner and the strategy that serves it (null: none).</summary>
    public void Update(RecommendationStatus status, string? ownerName, int? strategyId)
    {
        Status = status;
        OwnerName = PlanText.Clean(ownerName);
        StrategyId = strategyId;
        Version = Guid.NewGuid();
    }
}

/// <summary>A goal of an engagement's strategic plan, numbered 1, 2, … in the engagement.</summary>
public class PlanGoal : IVersioned
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }

    /// <summary>Concurrency token: changes when the goal's title does.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<PlanStrategy> Strategies { get; } = [];

    /// <summary>Words the goal anew; its number stays.</summary>
    public void Rename(string? title)
    {
        Title = PlanText.Require(title, "Give the goal a title.");
        Version = Guid.NewGuid();
    }

    /// <summary>Adds the goal's next strategy, numbered {goal}.{n}: one more than the highest so far.</summary>
    public PlanStrategy AddStrategy(string title, int coreAreaId, string? ownerName, DateOnly? targetDate)
    {
        if (targetDate is { } target && Engagement is { } engagement && !PlanDates.Target(engagement.StartDate, engagement.EndDate).Contains(target))
        {
            throw new PlanException(PlanDates.TargetMessage(engagement.StartDate, engagement.EndDate));
        }

        var strategy = new PlanStrategy
        {
            Goal = this,
            Number = PlanNumbers.Next(Strategies.Select(s => s.Number)),
            Title = PlanText.Require(title, "Give the strategy a title."),
            CoreAreaId = coreAreaId,
            OwnerName = PlanText.Clean(ownerName),
            TargetDate = targetDate,
            Status = StrategyStatus.NotStarted,
        };
        Strategies.Add(strategy);
        return strategy;
    }
}

/// <summary>A strategy of a goal, numbered "1.1", "1.2", … with its core area, owner, status, target date and dated
/// progress notes. TTA requests, recommendations and grants link to the strategies they serve.</summary>
public class PlanStrategy : IVersioned
{
    public int Id { get; set; }
    public int GoalId { get; set; }
    public PlanGoal? Goal { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public int CoreAreaId { get; set; }
    public CoreArea? CoreArea { get; set; }
    public string? OwnerName { get; set; }
    public StrategyStatus Status { get; set; }
    public DateOnly? TargetDate { get; set; }

    /// <summary>Concurrency token: changes on every change of the strategy's own fields.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<StrategyNote> Notes { get; } = [];
    public List<TtaRequest> Requests { get; } = [];
    public List<Recommendation> Recommendations { get; } = [];
    public List<GrantFundedStrategy> Grants { get; } = [];

    /// <summary>"1.2": the goal's number and the strategy's.</summary>
    public static string Code(int goalNumber, int strategyNumber) => $"{goalNumber}.{strategyNumber}";

    /// <summary>Changes title, status, owner and target date (within the engagement and its sustainment, when it is
    /// loaded); the strategy keeps its number.</summary>
    public void Update(string? title, StrategyStatus status, string? ownerName, DateOnly? targetDate)
    {
        if (targetDate is { } target && Goal?.Engagement is { } engagement && !PlanDates.Target(engagement.StartDate, engagement.EndDate).Contains(target))
        {
            throw new PlanException(PlanDates.TargetMessage(engagement.StartDate, engagement.EndDate));
        }

        Title = PlanText.Require(title, "Give the strategy a title.");
        Status = status;
        OwnerName = PlanText.Clean(ownerName);
        TargetDate = targetDate;
        Version = Guid.NewGuid();
    }

    /// <summary>Adds a dated progress note; the date is not in the future.</summary>
    public StrategyNote AddNote(DateOnly writtenOn, string text, DateOnly today, Actor actor, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (writtenOn > today)
        {
            throw new PlanException("The date of a progress note cannot be in the future.");
        }

        var note = new StrategyNote
        {
            WrittenOn = writtenOn,
            Text = PlanText.Require(text, "Write the progress note."),
            AuthorId = actor.UserId,
            AuthorName = actor.Name,
            CreatedAt = at,
        };
        Notes.Add(note);
        return note;
    }
}

/// <summary>A dated note on how a strategy is going.</summary>
public class StrategyNote
{
    public int Id { get; set; }
    public int StrategyId { get; set; }
    public DateOnly WrittenOn { get; set; }
    public required string Text { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A change that the plan's rules refuse; its message is shown to the user as it is.</summary>
public class PlanException(string message) : InvalidOperationException(message);

/// <summary>Numbering of goals, strategies and recommendations: the next is one more than the highest ever given,
/// so a dropped strategy keeps its number and no number is given twice.</summary>
public static class PlanNumbers
{
    public static int Next(IEnumerable<int> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        return taken.DefaultIfEmpty(0).Max() + 1;
    }
}

/// <summary>The dates people enter on a plan, in one place.</summary>
public static class PlanDates
{
    /// <summary>An assessment is conducted during the engagement.</summary>
    public static DateRange AssessedOn(DateOnly start, DateOnly end) => new(start, end);

    public static string AssessedOnMessage(DateOnly start, DateOnly end) =>
        $"The assessment date must fall within the engagement, from {DateRange.Words(start)} to {DateRange.Words(end)}.";

    /// <summary>A strategy's target falls within the engagement or its two years of sustainment.</summary>
    public static DateRange Target(DateOnly start, DateOnly end) => Engagement.MilestoneDueDatesFor(start, end);

    public static string TargetMessage(DateOnly start, DateOnly end) =>
        $"The target date must fall between the engagement's start ({DateRange.Words(start)}) and two years after its end ({DateRange.Words(Target(start, end).Last)}).";
}

internal static class PlanText
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Require(string? text, string message) => Clean(text) ?? throw new PlanException(message);
}

/// <summary>What the plan of an engagement holds, as far as its milestones care: completing "Assessment report and
/// recommendations delivered" needs the assessment with at least one recommendation, and completing "Strategic plan
/// adopted" needs at least one strategy. The milestone's kind says which (<see cref="MilestoneKind.Report"/>,
/// <see cref="MilestoneKind.StrategicPlan"/>).</summary>
public readonly record struct PlanContent(bool HasAssessment, int Recommendations, int Strategies)
{
    public const string AssessmentMissing =
        "Record the assessment and at least one of its recommendations on the site's plan before marking this milestone complete.";

    public const string PlanMissing =
        "Add the strategic plan's goals and at least one strategy on the site's plan before marking this milestone complete.";

    /// <summary>Why a milestone of <paramref name="kind"/> cannot be completed yet, or null when it can.</summary>
    public string? MissingFor(MilestoneKind kind) => kind switch
    {
        MilestoneKind.Report when !HasAssessment || Recommendations == 0 => AssessmentMissing,
        MilestoneKind.StrategicPlan when Strategies == 0 => PlanMissing,
        _ => null,
    };

    /// <summary>The kinds of milestone whose completion needs plan content.</summary>
    public static bool Concerns(MilestoneKind kind) => kind is MilestoneKind.Report or MilestoneKind.StrategicPlan;
}

/// <summary>The statuses of strategies and recommendations as people say them.</summary>
public static class PlanLabels
{
    public static string Of(StrategyStatus status) => status switch
    {
        StrategyStatus.NotStarted => "Not started",
        StrategyStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    public static string Of(RecommendationStatus status) => status switch
    {
        RecommendationStatus.InProgress => "In progress",
        RecommendationStatus.NotAdopted => "Not adopted",
        _ => status.ToString(),
    };
}
