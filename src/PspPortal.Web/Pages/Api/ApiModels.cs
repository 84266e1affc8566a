using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Api;

/// <summary>A page of a list: its items in id order and the cursor of the next page (null on the last page).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>Milestone figures of an engagement or a cohort, with the rules of <see cref="MilestoneFigures"/>.</summary>
public sealed record ApiMilestoneFigures(int Due, int DoneOfDue, int Overdue, int Completed, int CompletedOnTime, int? ProgressPercent, int? OnTimePercent);

/// <summary>A site with its current (latest) engagement and the figures the site list shows.</summary>
public sealed record ApiSite(
    int Id,
    string Name,
    string State,
    int? CohortId,
    string? CohortName,
    EngagementStatus? EngagementStatus,
    EngagementTrack? Track,
    DateOnly? EngagementStart,
    DateOnly? EngagementEnd,
    ApiMilestoneFigures Milestones,
    int OpenRequests,
    int OverdueRequests);

/// <summary>A cohort with its figures summed over the engagements the token's user may see.</summary>
public sealed record ApiCohort(int Id, string Name, int Year, int Sites, int ActiveSites, ApiMilestoneFigures Milestones, int OpenRequests);

/// <summary>A TTA request as the request list shows it.</summary>
public sealed record ApiRequest(
    int Id,
    string ReferenceNumber,
    string Title,
    int SiteId,
    string Site,
    string CoreArea,
    TtaStatus Status,
    TtaPriority Priority,
    DateOnly NeededBy,
    DateTimeOffset UpdatedAt,
    bool IsOverdue);

/// <summary>A milestone of an engagement; IsOverdue is <see cref="EngagementMilestone.Overdue"/> on the program's today.</summary>
public sealed record ApiMilestone(
    int Id,
    int SiteId,
    string Site,
    int EngagementId,
    string Title,
    MilestoneKind Kind,
    MilestoneStatus Status,
    DateOnly DueDate,
    DateOnly? CompletedOn,
    string? Owner,
    bool IsOverdue);

/// <summary>The implementation figures of one engagement's plan (<see cref="PlanFigures"/>), as the plan page shows them.</summary>
public sealed record ApiPlanFigures(
    int EngagementId,
    int CohortId,
    string CohortName,
    DateOnly Start,
    EngagementStatus Status,
    int Strategies,
    int StrategiesImplemented,
    int Recommendations,
    int RecommendationsAddressed,
    int Requests,
    int RequestsDelivered);

/// <summary>A site's plans: one entry per engagement of the site, latest first.</summary>
public sealed record ApiSitePlan(int SiteId, IReadOnlyList<ApiPlanFigures> Engagements);
