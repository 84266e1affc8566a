using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Configurations;

internal sealed class EngagementMilestoneConfiguration : IEntityTypeConfiguration<EngagementMilestone>
{
    public void Configure(EntityTypeBuilder<EngagementMilestone> builder)
    {
        builder.ToTable("Milestones");
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.OwnerName).HasMaxLength(120);
        builder.Property(m => m.Notes).HasMaxLength(4000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne(m => m.Engagement).WithMany(e => e.Milestones).HasForeignKey(m => m.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Changes).WithOne().HasForeignKey(c => c.MilestoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.EngagementId, m.DueDate });
        builder.HasIndex(m => new { m.Status, m.DueDate });
    }
}

internal sealed class MilestoneChangeConfiguration : IEntityTypeConfiguration<MilestoneChange>
{
    public void Configure(EntityTypeBuilder<MilestoneChange> builder)
    {
        builder.Property(c => c.Action).HasMaxLength(40);
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.Property(c => c.ActorId).HasMaxLength(450);
        builder.Property(c => c.ActorName).HasMaxLength(200);
        builder.HasIndex(c => new { c.MilestoneId, c.OccurredAt });
    }
}
