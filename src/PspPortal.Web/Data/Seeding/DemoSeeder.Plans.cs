using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Seeding;

public sealed partial class DemoSeeder
{
    /// <summary>An assessment and a strategic plan for every site whose current engagement is past its assessment report
    /// (month 6): the plan's strategies are the ones the site's demo requests serve (<see cref="PlanCatalog"/>), each
    /// request linked to its strategy, and a strategy's status follows what happened to its requests.</summary>
    private async Task SeedPlansAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var coreAreas = await db.CoreAreas.ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var sites = await db.Sites
            .Include(s => s.Engagements).ThenInclude(e => e.Milestones)
            .Include(s => s.TeamMembers)
            .Include(s => s.TtaRequests)
            .OrderBy(s => s.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var plans = 0;
        foreach (var site in sites)
        {
            var engagement = site.Engagements.MaxBy(e => e.StartDate)!;
            if (today < engagement.StartDate.AddMonths(6))
            {
                continue;
            }

            var isTulsa = site is { Name: "Tulsa", State: "OK" };
            var requests = site.TtaRequests.Where(r => PlanCatalog.ByRequestTitle.ContainsKey(r.Title)).OrderBy(r => r.CreatedAt).ToList();
            var titles = requests.Select(r => r.Title).Distinct().ToList();
            if (isTulsa && !titles.Contains(PlanCatalog.TulsaFirstRequest))
            {
                titles.Insert(0, PlanCatalog.TulsaFirstRequest);
            }

            if (titles.Count == 0)
            {
                continue;
            }

            var goalOrder = PlanCatalog.Goals.OrderBy(g => isTulsa && g.Key == PlanCatalog.Technology ? 0 : 1).ToList();
            var areaOf = titles.ToDictionary(t => t, t => requests.FirstOrDefault(r => r.Title == t)?.CoreAreaId ?? CoreAreaIdOf(coreAreas, "Technology"));
            var months = ((today.Year - engagement.StartDate.Year) * 12) + today.Month - engagement.StartDate.Month;

            // The assessment: conducted when its milestone was, looking at the core areas of what the site then asked for.
            var conducted = engagement.Milestones.FirstOrDefault(m => m.Kind == MilestoneKind.Assessment)?.CompletedOn ?? engagement.StartDate.AddMonths(4);
            var areaIds = areaOf.Values.Distinct().OrderBy(id => id).ToList();
            var assessment = engagement.RecordAssessment(
                conducted > today ? engagement.StartDate : conducted,
                PlanCatalog.Findings(site.DisplayName, areaIds.Select(id => coreAreas[id]).ToList()),
                areaIds);

            foreach (var goalEntry in goalOrder)
            {
                var mine = titles.OrderBy(t => isTulsa && t == PlanCatalog.TulsaFirstRequest ? 0 : 1)
                    .Where(t => PlanCatalog.ByRequestTitle[t].GoalKey == goalEntry.Key).ToList();
                if (mine.Count == 0)
                {
                    continue;
                }

                var goal = engagement.AddGoal(goalEntry.Title);
                foreach (var title in mine)
                {
                    var entry = PlanCatalog.ByRequestTitle[title];
                    var target = engagement.StartDate.AddMonths(12 + (6 * (goal.Number - 1)) + (3 * goal.Strategies.Count));
                    var strategy = goal.AddStrategy(entry.Strategy, areaOf[title], OwnerFor(site, goalEntry.Key), target);
                    var served = requests.Where(r => r.Title == title).ToList();
                    foreach (var request in served)
                    {
                        request.Strategy = strategy;
                    }

                    ProgressStrategy(strategy, served, months, today, LiaisonName(site));

                    var recommendation = assessment.AddRecommendation(
                        entry.Recommendation, areaOf[title],
                        goal.Strategies.Count == 1 ? RecommendationPriority.High : assessment.Recommendations.Count % 4 == 0 ? RecommendationPriority.Low : RecommendationPriority.Medium,
                        OwnerFor(site, goalEntry.Key));
                    recommendation.Strategy = strategy;
                    recommendation.Status = strategy.Status switch
                    {
                        StrategyStatus.Implemented => RecommendationStatus.Addressed,
                        StrategyStatus.InProgress => RecommendationStatus.InProgress,
                        _ => RecommendationStatus.Open,
                    };
                }
            }

            plans++;
        }

        await db.SaveChangesAsync(cancellationToken);
        LogPlansSeeded(logger, plans);
    }

    private static int CoreAreaIdOf(Dictionary<int, string> coreAreas, string name) => coreAreas.First(c => c.Value == name).Key;

    /// <summary>Status and notes from what happened to the strategy's requests: a delivery more than eighteen months into
    /// the engagement has been put in place (Implemented), one before that or a request under way is In progress.</summary>
    private static void ProgressStrategy(PlanStrategy strategy, IReadOnlyList<TtaRequest> served, int months, DateOnly today, string liaison)
    {
        var author = new Actor(null, liaison);
        var delivered = served.Where(r => r.DeliveredOn is not null).OrderBy(r => r.DeliveredOn).ToList();
        var underWay = served.Where(r => r.Status is TtaStatus.Approved or TtaStatus.Scheduled && r.ApprovedAt is not null).ToList();
        foreach (var request in delivered)
        {
            strategy.AddNote(request.DeliveredOn!.Value, PlanCatalog.DeliveredNote(request.ReferenceNumber, request.AssignedProvider), today, author, request.DeliveredAt ?? DateTime.UnixEpoch);
        }

        foreach (var request in underWay)
        {
            var on = DateOnly.FromDateTime(request.ApprovedAt!.Value);
            strategy.AddNote(on, PlanCatalog.UnderWayNote(request.ReferenceNumber), today, author, request.ApprovedAt.Value);
        }

        if (delivered.Count > 0 && months >= 18)
        {
            strategy.Status = StrategyStatus.Implemented;
            var adopted = delivered[^1].DeliveredOn!.Value.AddDays(30);
            if (adopted <= today)
            {
                strategy.AddNote(adopted, PlanCatalog.ImplementedNote, today, author, adopted.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc));
            }
        }
        else if (delivered.Count > 0 || underWay.Count > 0 || served.Any(r => r.Status is TtaStatus.InReview or TtaStatus.Submitted or TtaStatus.NeedsInfo))
        {
            strategy.Status = StrategyStatus.InProgress;
        }
    }

    private static string OwnerFor(Site site, string goalKey)
    {
        string? Named(SiteTeamRole role, string? title = null) =>
            site.TeamMembers.Where(m => m.TeamRole == role && (title is null || m.Title == title)).OrderByDescending(m => m.UserId != null).FirstOrDefault()?.FullName;

        return goalKey switch
        {
            PlanCatalog.Partnerships => Named(SiteTeamRole.PointOfContact, "Assistant U.S. Attorney"),
            PlanCatalog.Trust => Named(SiteTeamRole.ExecutiveLeadership, "Chief of Police"),
            _ => Named(SiteTeamRole.PointOfContact),
        } ?? site.TeamMembers.First().FullName;
    }

    /// <summary>The FY 2023 capacity-building awards of <see cref="PlanCatalog.Fy2023Awards"/>, made through the same rule
    /// as an award entered on /Grants/New, on the real dates moved like the engagements (<see cref="ProgramCatalog.StartOf"/>).</summary>
    private async Task SeedGrantsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var shift = ProgramCatalog.MonthsSinceDescribed(today);
        var awardedOn = PlanCatalog.Fy2023AwardDate.AddMonths(shift);
        var periodStart = PlanCatalog.Fy2023PeriodStart.AddMonths(shift);
        var periodEnd = PlanCatalog.Fy2023PeriodEnd.AddMonths(shift);
        var number = 4100;
        foreach (var award in PlanCatalog.Fy2023Awards)
        {
            var site = await db.Sites
                .Include(s => s.Engagements).ThenInclude(e => e.Goals).ThenInclude(g => g.Strategies)
                .AsSplitQuery()
                .SingleAsync(s => s.Name == award.Site && s.State == award.State, cancellationToken);
            var grant = CapacityGrant.Award(site, 2023, PlanCatalog.Fy2023Solicitation, $"15PBJA-23-GK-{++number:D5}-PSPX", award.Amount, awardedOn, periodStart, periodEnd);
            grant.Status = today > periodEnd ? GrantStatus.Closed : today >= periodStart ? GrantStatus.Active : GrantStatus.Awarded;
            var funded = grant.Engagement!.Goals.OrderBy(g => g.Number)
                .SelectMany(g => g.Strategies.OrderBy(s => s.Number))
                .Take(award.StrategiesFunded);
            foreach (var strategy in funded)
            {
                grant.FundedStrategies.Add(new GrantFundedStrategy { Strategy = strategy });
            }

            db.CapacityGrants.Add(grant);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Plans} demo assessments and strategic plans")]
    private static partial void LogPlansSeeded(ILogger logger, int plans);
}
