using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data;

/// <summary>The portal's unit of work: program data, Identity and the Data Protection keys (encrypted, see
/// docs/adr/0007) in one context. Each database provider has a subclass only so that its migrations have a home of
/// their own (see docs/adr/0003).</summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Engagement> Engagements => Set<Engagement>();
    public DbSet<EngagementMilestone> Milestones => Set<EngagementMilestone>();
    public DbSet<MilestoneChange> MilestoneChanges => Set<MilestoneChange>();
    public DbSet<SiteTeamMember> SiteTeamMembers => Set<SiteTeamMember>();
    public DbSet<CoreArea> CoreAreas => Set<CoreArea>();
    public DbSet<TtaRequest> TtaRequests => Set<TtaRequest>();
    public DbSet<TtaRequestTransition> TtaRequestTransitions => Set<TtaRequestTransition>();
    public DbSet<TtaRequestComment> TtaRequestComments => Set<TtaRequestComment>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<PlanGoal> PlanGoals => Set<PlanGoal>();
    public DbSet<PlanStrategy> PlanStrategies => Set<PlanStrategy>();
    public DbSet<StrategyNote> StrategyNotes => Set<StrategyNote>();
    public DbSet<CapacityGrant> CapacityGrants => Set<CapacityGrant>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<ResourceCoreArea> ResourceCoreAreas => Set<ResourceCoreArea>();
    public DbSet<ResourceAgencySize> ResourceAgencySizes => Set<ResourceAgencySize>();
    public DbSet<TtaRequestResource> TtaRequestResources => Set<TtaRequestResource>();
    public DbSet<Toolkit> Toolkits => Set<Toolkit>();
    public DbSet<ToolkitItem> ToolkitItems => Set<ToolkitItem>();
    public DbSet<ToolkitShare> ToolkitShares => Set<ToolkitShare>();
    public DbSet<PeerExchange> PeerExchanges => Set<PeerExchange>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<FiguresStamp> FiguresStamps => Set<FiguresStamp>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<RequestFollow> RequestFollows => Set<RequestFollow>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Saves the changes and their audit rows (written by <see cref="AuditInterceptor"/> in a second round of
    /// statements, once the database has given the new rows their keys) in one transaction: a failure part-way leaves
    /// neither a half-written change nor a change without its audit row. A caller that opened a transaction keeps it,
    /// and commits or rolls back both together. The transaction runs inside the provider's execution strategy, so that
    /// SQL Server's retry on a transient failure repeats the whole unit, never half of it.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null || System.Transactions.Transaction.Current is not null)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        return Database.CreateExecutionStrategy().Execute(acceptAllChangesOnSuccess, (context, accept) =>
        {
            var db = (PortalDbContext)context;
            using var transaction = db.Database.BeginTransaction();
            var saved = db.SaveChangesInTransaction(accept);
            transaction.Commit();
            return saved;
        }, verifySucceeded: null);
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || System.Transactions.Transaction.Current is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        return await Database.CreateExecutionStrategy().ExecuteAsync(acceptAllChangesOnSuccess, async (context, accept, ct) =>
        {
            var db = (PortalDbContext)context;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var saved = await db.SaveChangesInTransactionAsync(accept, ct);
            await transaction.CommitAsync(ct);
            return saved;
        }, verifySucceeded: null, cancellationToken);
    }

    private int SaveChangesInTransaction(bool acceptAllChangesOnSuccess) => base.SaveChanges(acceptAllChangesOnSuccess);

    private Task<int> SaveChangesInTransactionAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Every time is stored in UTC and read back as UTC; pages convert to the user's time zone.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
