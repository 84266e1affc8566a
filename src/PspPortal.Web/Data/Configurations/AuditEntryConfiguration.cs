using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Kind).HasMaxLength(20);
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(200);
        builder.Property(a => a.IpAddress).HasMaxLength(45);
        builder.Property(a => a.Details).HasMaxLength(2000);

        // The filters of /Admin/Audit; newest first.
        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => a.UserId);
        // The audit list filters by kind and by entity type, newest first.
        builder.HasIndex(a => new { a.Kind, a.OccurredAt });
        builder.HasIndex(a => new { a.EntityType, a.OccurredAt });
    }
}
