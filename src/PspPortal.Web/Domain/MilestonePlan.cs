namespace PspPortal.Web.Domain;

public enum MilestoneKind
{
    Meeting,
    TeamFormation,
    Assessment,
    Report,
    Symposium,
    StrategicPlan,
    Review,
    PeerExchange,
    Sustainment,
    Closeout,
    Other,
}

public sealed record PlannedMilestone(string Title, MilestoneKind Kind, int MonthOffset, DateOnly DueDate);

/// <summary>The standard three-year milestone plan of a PSP engagement, as month offsets from its start.</summary>
public static class MilestonePlan
{
    public static IReadOnlyList<(string Title, MilestoneKind Kind, int MonthOffset)> Standard { get; } =
    [
        ("Kickoff meeting", MilestoneKind.Meeting, 0),
        ("Site team and points of contact confirmed", MilestoneKind.TeamFormation, 1),
        ("Public safety assessment conducted", MilestoneKind.Assessment, 4),
        ("Assessment report and recommendations delivered", MilestoneKind.Report, 6),
        ("Customized symposium held", MilestoneKind.Symposium, 7),
        ("Strategic plan adopted", MilestoneKind.StrategicPlan, 9),
        ("Year-one review", MilestoneKind.Review, 12),
        ("Peer exchange completed", MilestoneKind.PeerExchange, 15),
        ("Mid-engagement review", MilestoneKind.Review, 18),
        ("Year-two review", MilestoneKind.Review, 24),
        ("Sustainment plan drafted", MilestoneKind.Sustainment, 30),
        ("Closeout and transition to sustainment", MilestoneKind.Closeout, 36),
    ];

    /// <summary>The plan for an engagement starting on <paramref name="start"/>; month ends clamp (Jan 31 + 1 month = Feb 28/29).</summary>
    public static IReadOnlyList<PlannedMilestone> For(DateOnly start) =>
        Standard.Select(m => new PlannedMilestone(m.Title, m.Kind, m.MonthOffset, start.AddMonths(m.MonthOffset))).ToList();
}
