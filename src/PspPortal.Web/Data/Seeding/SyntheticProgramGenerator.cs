using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Seeding;

/// <summary>How far generate-data is: a phase ("sites", "requests"), rows done and rows to do.</summary>
public readonly record struct GenerationProgress(string Phase, int Done, int Total);

/// <summary>Fills the database with a realistic synthetic program for benchmarks: N sites across yearly cohorts,
/// each with a team, an engagement and its milestone plan, and M TTA requests whose history the domain's own workflow
/// wrote (<see cref="TtaRequest.Apply(TtaAction, Actor, DateTime, string?, ServiceClock)"/>, the service clock's due
/// dates included). Runs after the demo seed, so the demo accounts and the real sites are there too; none of the
/// generated sites is on a demo account's team, so the demo accounts' scopes are what they were.
/// <para>Rows are written in bulk (<see cref="BulkWriter{T}"/>: one prepared INSERT per table in a transaction of
/// <see cref="RequestsPerTransaction"/> requests) rather than through SaveChanges, and therefore without one audit
/// entry per row: the audit trail records what people did, and a million generated rows that nobody did would only
/// bury it (and triple the time). One audit entry says what generate-data added instead. A second run adds only what
/// is missing, so 100,000 after 10,000 adds 90,000.</para></summary>
public sealed class SyntheticProgramGenerator(PortalDbContext db, TimeProvider clock, ServiceClock serviceClock)
{
    public const string SiteNamePrefix = "Synthetic City ";
    public const int RequestsPerTransaction = 20_000;

    /// <summary>The reference counter's "year" that remembers how many synthetic requests exist.</summary>
    private const int CounterYear = 9999;

    private static readonly string[] States =
    [
        "AL", "AZ", "CA", "CO", "FL", "GA", "IL", "IN", "KY", "LA", "MD", "MI", "MN", "MO", "MS", "NC", "NJ", "NM", "NY",
        "OH", "OK", "PA", "SC", "TN", "TX", "VA", "WA", "WI",
    ];

    private static readonly TtaStatus[] FinalStatuses = [TtaStatus.Closed, TtaStatus.Closed, TtaStatus.Closed, TtaStatus.Declined, TtaStatus.Withdrawn];

    public async Task GenerateAsync(int siteCount, int requestCount, IProgress<GenerationProgress> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = serviceClock.DayOf(now);

        var cohortIds = new List<int>();
        for (var year = today.Year - 8; year <= today.Year; year++)
        {
            var name = $"Synthetic cohort {year}";
            var cohort = await db.Cohorts.SingleOrDefaultAsync(c => c.Name == name, cancellationToken)
                ?? db.Cohorts.Add(new Cohort { Name = name, Year = year, Description = "Generated for benchmarks." }).Entity;
            await db.SaveChangesAsync(cancellationToken);
            cohortIds.Add(cohort.Id);
        }

        var sitesBefore = await db.Sites.CountAsync(s => s.Name.StartsWith(SiteNamePrefix), cancellationToken);
        await GenerateSitesAsync(sitesBefore, siteCount, cohortIds, today, progress, cancellationToken);
        var counter = await db.ReferenceCounters.SingleOrDefaultAsync(c => c.Year == CounterYear, cancellationToken);
        var requestsBefore = counter?.LastNumber ?? 0;
        await GenerateRequestsAsync(requestsBefore, requestCount, now, progress, cancellationToken);

        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = now,
            Kind = AuditKinds.DataChange,
            Action = "Generated",
            Details = $"generate-data added {Math.Max(0, siteCount - sitesBefore)} synthetic sites and {Math.Max(0, requestCount - requestsBefore)} synthetic TTA requests for benchmarks; their rows are not audited one by one.",
        });
        await db.SaveChangesAsync(cancellationToken);

        // The rows went past SaveChanges, so the figures stamp is moved here: cached figures are counted again.
        await FiguresStampInterceptor.TouchAsync(db, cancellationToken);
    }

    private async Task GenerateSitesAsync(int from, int siteCount, List<int> cohortIds, DateOnly today, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        if (from >= siteCount)
        {
            return;
        }

        var random = new Random(42 + from);
        var siteId = await NextIdAsync(db.Sites.Select(s => (int?)s.Id), cancellationToken);
        var memberId = await NextIdAsync(db.SiteTeamMembers.Select(m => (int?)m.Id), cancellationToken);
        var engagementId = await NextIdAsync(db.Engagements.Select(e => (int?)e.Id), cancellationToken);
        var milestoneId = await NextIdAsync(db.Milestones.Select(m => (int?)m.Id), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        using var sites = new BulkWriter<Site>(db, connection, dbTransaction);
        using var members = new BulkWriter<SiteTeamMember>(db, connection, dbTransaction);
        using var engagements = new BulkWriter<Engagement>(db, connection, dbTransaction);
        using var milestones = new BulkWriter<EngagementMilestone>(db, connection, dbTransaction);
        for (var i = from; i < siteCount; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cohortIndex = i % cohortIds.Count;
            var site = new Site
            {
                Id = siteId++,
                Name = $"{SiteNamePrefix}{i + 1:D5}",
                State = States[i % States.Length],
                Latitude = 25 + random.NextDouble() * 22,
                Longitude = -122 + random.NextDouble() * 50,
                Population = random.Next(50_000, 900_000),
            };
            sites.Write(site);
            members.Write(new SiteTeamMember { Id = memberId++, SiteId = site.Id, FullName = $"Liaison {i + 1}", TeamRole = SiteTeamRole.StrategicSiteLiaison, Organization = "PSP" });
            members.Write(new SiteTeamMember { Id = memberId++, SiteId = site.Id, FullName = $"Contact {i + 1}", TeamRole = SiteTeamRole.PointOfContact, Organization = $"{site.Name} Police Department" });
            members.Write(new SiteTeamMember { Id = memberId++, SiteId = site.Id, FullName = $"Analyst {i + 1}", TeamRole = SiteTeamRole.PspAnalyst, Organization = "PSP TTA provider" });

            var engagement = new Engagement { Id = engagementId++, SiteId = site.Id, CohortId = cohortIds[cohortIndex], Track = EngagementTrack.Standard };
            engagement.StartOn(new DateOnly(today.Year - 8 + cohortIndex, 1 + random.Next(12), 1 + random.Next(28)));
            engagement.Status = Engagement.StatusOn(engagement.StartDate, today);
            engagement.ApplyStandardPlan();
            engagements.Write(engagement);
            foreach (var m in engagement.Milestones)
            {
                if (m.DueDate < today && random.Next(5) != 0)
                {
                    m.Status = MilestoneStatus.Completed;
                    m.CompletedOn = m.DueDate.AddDays(random.Next(-10, 20)) is var done && done < today ? done : today;
                }

                m.Id = milestoneId++;
                m.EngagementId = engagement.Id;
                milestones.Write(m);
            }

            if ((i + 1) % 100 == 0 || i + 1 == siteCount)
            {
                progress.Report(new GenerationProgress("sites", i + 1, siteCount));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task GenerateRequestsAsync(int from, int requestCount, DateTime now, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        var siteIds = await db.Sites.Where(s => s.Name.StartsWith(SiteNamePrefix)).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        if (from >= requestCount || siteIds.Count == 0)
        {
            return;
        }

        var areas = await db.CoreAreas.Where(a => a.IsActive).OrderBy(a => a.SortOrder).Select(a => a.Id).ToListAsync(cancellationToken);
        var ideas = RequestCatalog.ByCoreArea.Values.SelectMany(v => v).ToList();
        var statuses = Enum.GetValues<TtaStatus>();
        var random = new Random(4242 + from);
        var requestId = await NextIdAsync(db.TtaRequests.Select(r => (int?)r.Id), cancellationToken);
        var transitionId = await NextIdAsync(db.TtaRequestTransitions.Select(t => (int?)t.Id), cancellationToken);
        var requester = new Actor(null, "Synthetic site contact");
        if (!await db.ReferenceCounters.AnyAsync(c => c.Year == CounterYear, cancellationToken))
        {
            db.ReferenceCounters.Add(new ReferenceCounter { Year = CounterYear, LastNumber = from });
            await db.SaveChangesAsync(cancellationToken);
        }

        var decider = new Actor(null, "Synthetic liaison");

        for (var start = from; start < requestCount; start += RequestsPerTransaction)
        {
            var end = Math.Min(requestCount, start + RequestsPerTransaction);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            using (var requests = new BulkWriter<TtaRequest>(db, connection, dbTransaction))
            using (var history = new BulkWriter<TtaRequestTransition>(db, connection, dbTransaction))
            {
                for (var i = start; i < end; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var idea = ideas[random.Next(ideas.Count)];
                    var created = now.AddDays(-random.Next(30, 1000)).AddMinutes(-random.Next(0, 600));
                    var request = new TtaRequest
                    {
                        Id = requestId++,
                        ReferenceNumber = $"SYN-{i + 1:D7}",
                        SiteId = siteIds[random.Next(siteIds.Count)],
                        CoreAreaId = areas[random.Next(areas.Count)],
                        Title = idea.Title,
                        Description = idea.Need,
                        DesiredOutcome = idea.Outcome,
                        DeliveryMode = idea.Mode,
                        Priority = random.Next(4) == 0 ? TtaPriority.Expedited : TtaPriority.Routine,
                        NeededBy = DateOnly.FromDateTime(created).AddDays(random.Next(30, 150)),
                        RequesterName = requester.Name,
                        CreatedAt = created,
                        UpdatedAt = created,
                    };

                    // Old requests are mostly settled; recent ones are anywhere in the workflow.
                    var target = (now - created).TotalDays > 180 ? FinalStatuses[random.Next(FinalStatuses.Length)] : statuses[random.Next(statuses.Length)];
                    var at = created;
                    foreach (var action in DemoSeeder.PathTo(target, random))
                    {
                        at = at.AddDays(random.Next(1, 4)).AddHours(random.Next(0, 6));
                        var actor = TtaWorkflow.PartyFor(action) == TtaParty.Requester ? requester : decider;
                        _ = action switch
                        {
                            TtaAction.Schedule => request.Schedule(RequestCatalog.Providers[random.Next(RequestCatalog.Providers.Count)], DateOnly.FromDateTime(at).AddDays(random.Next(7, 30)), actor, at, serviceClock),
                            TtaAction.RecordDelivery => request.RecordDelivery(serviceClock.DayOf(at), "Assistance delivered; materials shared with the site team.", actor, at, serviceClock),
                            TtaAction.Decline or TtaAction.AskForInformation or TtaAction.Respond or TtaAction.Withdraw => request.Apply(action, actor, at, "Generated note.", serviceClock),
                            _ => request.Apply(action, actor, at, null, serviceClock),
                        };
                    }

                    requests.Write(request);
                    foreach (var transition in request.History)
                    {
                        transition.Id = transitionId++;
                        transition.TtaRequestId = request.Id;
                        history.Write(transition);
                    }
                }
            }

            await db.Database.ExecuteSqlAsync($"UPDATE ReferenceCounters SET LastNumber = {end} WHERE Year = {CounterYear}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress.Report(new GenerationProgress("requests", end, requestCount));
        }
    }

    private static async Task<int> NextIdAsync(IQueryable<int?> ids, CancellationToken cancellationToken) =>
        (await ids.MaxAsync(cancellationToken) ?? 0) + 1;
}
