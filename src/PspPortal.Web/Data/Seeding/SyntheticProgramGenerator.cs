using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Seeding;

/// <summary>Fills the database with a realistic synthetic program for benchmarks: N sites across yearly cohorts,
/// each with a team, an engagement and its milestone plan, and M TTA requests with history in proportion.
/// Runs after the demo seed, so the demo accounts and the real sites are there too.</summary>
public sealed class SyntheticProgramGenerator(PortalDbContext db, TimeProvider clock)
{
    private const int Batch = 500;

    private static readonly string[] States =
    [
        "AL", "AZ", "CA", "CO", "FL", "GA", "IL", "IN", "KY", "LA", "MD", "MI", "MN", "MO", "MS", "NC", "NJ", "NM", "NY",
        "OH", "OK", "PA", "SC", "TN", "TX", "VA", "WA", "WI",
    ];

    public async Task GenerateAsync(int siteCount, int requestCount, IProgress<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var random = new Random(42);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var cohortIds = new List<int>();
        for (var year = today.Year - 8; year <= today.Year; year++)
        {
            var name = $"Synthetic cohort {year}";
            var cohort = await db.Cohorts.SingleOrDefaultAsync(c => c.Name == name, cancellationToken)
                ?? db.Cohorts.Add(new Cohort { Name = name, Year = year, Description = "Generated for benchmarks." }).Entity;
            await db.SaveChangesAsync(cancellationToken);
            cohortIds.Add(cohort.Id);
        }

        var existing = await db.Sites.CountAsync(s => s.Name.StartsWith("Synthetic"), cancellationToken);
        for (var i = existing; i < siteCount; i++)
        {
            var cohortIndex = i % cohortIds.Count;
            var site = new Site
            {
                Name = $"Synthetic City {i + 1:D5}",
                State = States[i % States.Length],
                Latitude = 25 + random.NextDouble() * 22,
                Longitude = -122 + random.NextDouble() * 50,
                Population = random.Next(50_000, 900_000),
            };
            site.TeamMembers.Add(new SiteTeamMember { FullName = $"Liaison {i + 1}", TeamRole = SiteTeamRole.StrategicSiteLiaison, Organization = "PSP" });
            site.TeamMembers.Add(new SiteTeamMember { FullName = $"Contact {i + 1}", TeamRole = SiteTeamRole.PointOfContact, Organization = $"{site.Name} Police Department" });
            site.TeamMembers.Add(new SiteTeamMember { FullName = $"Analyst {i + 1}", TeamRole = SiteTeamRole.PspAnalyst, Organization = "PSP TTA provider" });
            var engagement = new Engagement { Site = site, CohortId = cohortIds[cohortIndex], Track = EngagementTrack.Standard };
            engagement.StartOn(new DateOnly(today.Year - 8 + cohortIndex, 1 + random.Next(12), 1 + random.Next(28)));
            engagement.Status = Engagement.StatusOn(engagement.StartDate, today);
            engagement.ApplyStandardPlan();
            foreach (var m in engagement.Milestones.Where(m => m.DueDate < today && random.Next(5) != 0))
            {
                m.Status = MilestoneStatus.Completed;
                m.CompletedOn = m.DueDate.AddDays(random.Next(-10, 20)) is var done && done < today ? done : today;
            }

            site.Engagements.Add(engagement);
            db.Sites.Add(site);
            if ((i + 1) % Batch == 0 || i + 1 == siteCount)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                progress.Report($"sites: {i + 1}/{siteCount}");
            }
        }

        var siteIds = await db.Sites.Where(s => s.Name.StartsWith("Synthetic")).Select(s => s.Id).ToListAsync(cancellationToken);
        var areas = await db.CoreAreas.Select(c => c.Id).ToListAsync(cancellationToken);
        var statuses = Enum.GetValues<TtaStatus>();
        var counter = await db.ReferenceCounters.SingleOrDefaultAsync(c => c.Year == 9999, cancellationToken)
            ?? db.ReferenceCounters.Add(new ReferenceCounter { Year = 9999 }).Entity;
        var ideas = RequestCatalog.ByCoreArea.Values.SelectMany(v => v).ToList();
        var existingRequests = counter.LastNumber;
        for (var i = existingRequests; i < requestCount && siteIds.Count > 0; i++)
        {
            var idea = ideas[random.Next(ideas.Count)];
            var created = now.AddDays(-random.Next(10, 900));
            var request = new TtaRequest
            {
                ReferenceNumber = $"SYN-{i + 1:D7}",
                SiteId = siteIds[random.Next(siteIds.Count)],
                CoreAreaId = areas[random.Next(areas.Count)],
                Title = idea.Title,
                Description = idea.Need,
                DesiredOutcome = idea.Outcome,
                DeliveryMode = idea.Mode,
                Priority = random.Next(4) == 0 ? TtaPriority.Expedited : TtaPriority.Routine,
                NeededBy = DateOnly.FromDateTime(created).AddDays(random.Next(30, 150)),
                RequesterName = "Synthetic requester",
                CreatedAt = created,
                UpdatedAt = created,
            };
            var actor = new Actor(null, "Synthetic liaison");
            var at = created;
            foreach (var action in PathTowards(statuses[random.Next(statuses.Length)]))
            {
                at = at.AddDays(random.Next(1, 4));
                request.Apply(action, actor, at, action is TtaAction.Decline or TtaAction.AskForInformation ? "Generated note." : null);
            }

            db.TtaRequests.Add(request);
            counter.LastNumber = i + 1;
            if ((i + 1) % Batch == 0 || i + 1 == requestCount)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                db.Attach(counter);
                progress.Report($"requests: {i + 1}/{requestCount}");
            }
        }
    }

    /// <summary>The shortest path of actions from Draft to a state.</summary>
    private static IEnumerable<TtaAction> PathTowards(TtaStatus target)
    {
        var state = TtaStatus.Draft;
        var order = new[] { TtaAction.Submit, TtaAction.StartReview, TtaAction.Approve, TtaAction.Schedule, TtaAction.RecordDelivery, TtaAction.Close };
        var detour = target switch
        {
            TtaStatus.Declined => TtaAction.Decline,
            TtaStatus.NeedsInfo => TtaAction.AskForInformation,
            TtaStatus.Withdrawn => TtaAction.Withdraw,
            _ => (TtaAction?)null,
        };
        foreach (var action in order)
        {
            if (state == target)
            {
                yield break;
            }

            if (detour is { } d && TtaWorkflow.Target(state, d) is not null && (d != TtaAction.Withdraw || state == TtaStatus.Submitted))
            {
                yield return d;
                yield break;
            }

            yield return action;
            state = TtaWorkflow.Target(state, action)!.Value;
        }
    }
}
