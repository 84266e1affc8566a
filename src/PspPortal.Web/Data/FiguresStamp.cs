using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data;

/// <summary>The one row that says "the program's figures changed": a new random <see cref="Stamp"/> is written in the
/// same SaveChanges (so the same transaction) as any change of a cohort, site, engagement, milestone or TTA request.
/// Figures computed from the data are cached under the stamp they were read with (<c>Pages/Shared/ProgramFigures</c>),
/// so a cache can never outlive the data it was computed from, on one server or several (docs/adr/0010).</summary>
public sealed class FiguresStamp
{
    public const int TheId = 1;

    /// <summary>The stamp the migration writes; any change replaces it.</summary>
    public static readonly Guid Initial = new("6f1d3c57-1b2e-4c55-9a51-0c8c3b1d2a10");

    public int Id { get; set; }

    public Guid Stamp { get; set; }

    /// <summary>The entities whose changes change a figure some page shows.</summary>
    public static bool Affects(Type entityType) =>
        entityType == typeof(Cohort) || entityType == typeof(Site) || entityType == typeof(Engagement)
        || entityType == typeof(EngagementMilestone) || entityType == typeof(TtaRequest) || entityType == typeof(CoreArea)
        // The plan figures of the cohort page (implemented strategies, addressed recommendations).
        || entityType == typeof(Assessment) || entityType == typeof(Recommendation) || entityType == typeof(PlanGoal) || entityType == typeof(PlanStrategy);
}

internal sealed class FiguresStampConfiguration : IEntityTypeConfiguration<FiguresStamp>
{
    public void Configure(EntityTypeBuilder<FiguresStamp> builder)
    {
        builder.ToTable("FiguresStamps");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new FiguresStamp { Id = FiguresStamp.TheId, Stamp = FiguresStamp.Initial });
    }
}

/// <summary>Writes a new <see cref="FiguresStamp"/> with every save that adds, changes or deletes an entity whose
/// figures pages show (<see cref="FiguresStamp.Affects"/>). The stamp row is saved by the same SaveChanges, so the
/// change and the new stamp commit together or not at all. Bulk statements that bypass SaveChanges
/// (ExecuteUpdate/ExecuteDelete, raw SQL, generate-data) must call <see cref="TouchAsync"/> themselves.</summary>
public sealed class FiguresStampInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>A new stamp for changes made without SaveChanges, in the caller's transaction if there is one.</summary>
    public static Task TouchAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = Guid.NewGuid();
        return db.Set<FiguresStamp>().Where(s => s.Id == FiguresStamp.TheId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Stamp, stamp), cancellationToken);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var changed = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && FiguresStamp.Affects(e.Metadata.ClrType));
        if (!changed)
        {
            return;
        }

        var tracked = context.ChangeTracker.Entries<FiguresStamp>().FirstOrDefault();
        var entry = tracked ?? context.Attach(new FiguresStamp { Id = FiguresStamp.TheId });
        entry.Entity.Stamp = Guid.NewGuid();
        entry.Property(s => s.Stamp).IsModified = true;
    }
}
