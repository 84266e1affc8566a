using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Configurations;

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        builder.Property(e => e.Track).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.StartDate);
        builder.Property(e => e.EndDate);
        builder.HasOne(e => e.Site).WithMany(s => s.Engagements).HasForeignKey(e => e.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Cohort).WithMany(c => c.Engagements).HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.SiteId, e.StartDate });
        builder.HasIndex(e => e.Status);
        builder.HasIndex(e => new { e.CohortId, e.SiteId });
    }
}
