using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Configurations;

internal sealed class TtaRequestConfiguration : IEntityTypeConfiguration<TtaRequest>
{
    public void Configure(EntityTypeBuilder<TtaRequest> builder)
    {
        builder.Property(r => r.ReferenceNumber).HasMaxLength(20);
        builder.HasIndex(r => r.ReferenceNumber).IsUnique();
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Description).HasMaxLength(4000);
        builder.Property(r => r.DesiredOutcome).HasMaxLength(2000);
        builder.Property(r => r.DeliveryMode).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RequesterName).HasMaxLength(200);
        builder.Property(r => r.AssignedProvider).HasMaxLength(200);
        builder.Property(r => r.DeliverySummary).HasMaxLength(4000);
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.HasOne(r => r.Site).WithMany(s => s.TtaRequests).HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.CoreArea).WithMany().HasForeignKey(r => r.CoreAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.History).WithOne().HasForeignKey(t => t.TtaRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.TtaRequestId).OnDelete(DeleteBehavior.Cascade);

        // One index per filter and sort the request list offers. SQLite keeps the row id (Id) at the end of every
        // index, so (X, UpdatedAt) serves "filter by X, newest first" and pages without reading the skipped rows.
        builder.HasIndex(r => new { r.SiteId, r.Status });
        builder.HasIndex(r => new { r.SiteId, r.UpdatedAt });
        builder.HasIndex(r => new { r.Status, r.UpdatedAt });
        builder.HasIndex(r => new { r.CoreAreaId, r.UpdatedAt });
        builder.HasIndex(r => r.UpdatedAt);
        builder.HasIndex(r => r.NeededBy);
        builder.HasIndex(r => r.Title);
        builder.HasIndex(r => r.RequesterId);
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => r.DecisionDueOn);
        builder.HasIndex(r => r.DeliveryDueOn);
        builder.HasIndex(r => r.StrategyId);
    }
}

internal sealed class TtaRequestTransitionConfiguration : IEntityTypeConfiguration<TtaRequestTransition>
{
    public void Configure(EntityTypeBuilder<TtaRequestTransition> builder)
    {
        builder.Property(t => t.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ActorId).HasMaxLength(450);
        builder.Property(t => t.ActorName).HasMaxLength(200);
        builder.Property(t => t.Note).HasMaxLength(4000);
        builder.HasIndex(t => new { t.TtaRequestId, t.OccurredAt });
    }
}

internal sealed class TtaRequestCommentConfiguration : IEntityTypeConfiguration<TtaRequestComment>
{
    public void Configure(EntityTypeBuilder<TtaRequestComment> builder)
    {
        builder.Property(c => c.AuthorId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.Body).HasMaxLength(4000);
        builder.HasIndex(c => new { c.TtaRequestId, c.CreatedAt });
    }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> builder)
    {
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}
