using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Configurations;

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Resource.TitleMax);
        builder.Property(r => r.Summary).HasMaxLength(Resource.SummaryMax);
        builder.Property(r => r.Url).HasMaxLength(Resource.UrlMax);
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasMany(r => r.CoreAreas).WithOne().HasForeignKey(a => a.ResourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.AgencySizes).WithOne().HasForeignKey(s => s.ResourceId).OnDelete(DeleteBehavior.Cascade);
        // The Clearinghouse lists published resources by type and date; the text itself is searched through the
        // full-text index (ResourceSearch), kept by triggers of the migration.
        builder.HasIndex(r => new { r.IsRetired, r.Type, r.PublishedOn });
    }
}

internal sealed class ResourceCoreAreaConfiguration : IEntityTypeConfiguration<ResourceCoreArea>
{
    public void Configure(EntityTypeBuilder<ResourceCoreArea> builder)
    {
        builder.HasKey(a => new { a.ResourceId, a.CoreAreaId });
        builder.HasOne(a => a.CoreArea).WithMany().HasForeignKey(a => a.CoreAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CoreAreaId);
    }
}

internal sealed class ResourceAgencySizeConfiguration : IEntityTypeConfiguration<ResourceAgencySize>
{
    public void Configure(EntityTypeBuilder<ResourceAgencySize> builder)
    {
        builder.Property(s => s.Size).HasConversion<string>().HasMaxLength(20);
        builder.HasKey(s => new { s.ResourceId, s.Size });
        builder.HasIndex(s => s.Size);
    }
}

internal sealed class TtaRequestResourceConfiguration : IEntityTypeConfiguration<TtaRequestResource>
{
    public void Configure(EntityTypeBuilder<TtaRequestResource> builder)
    {
        builder.HasKey(a => new { a.TtaRequestId, a.ResourceId });
        builder.Property(a => a.AttachedById).HasMaxLength(450);
        builder.Property(a => a.AttachedByName).HasMaxLength(200);
        builder.HasOne(a => a.TtaRequest).WithMany().HasForeignKey(a => a.TtaRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Resource).WithMany().HasForeignKey(a => a.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ResourceId);
    }
}

internal sealed class ToolkitConfiguration : IEntityTypeConfiguration<Toolkit>
{
    public void Configure(EntityTypeBuilder<Toolkit> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Toolkit.NameMax);
        builder.Property(t => t.OwnerId).HasMaxLength(450);
        builder.Property(t => t.OwnerName).HasMaxLength(200);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Strategy).WithMany().HasForeignKey(t => t.StrategyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.ToolkitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Shares).WithOne().HasForeignKey(s => s.ToolkitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.OwnerId);
        builder.HasIndex(t => t.StrategyId);
    }
}

internal sealed class ToolkitItemConfiguration : IEntityTypeConfiguration<ToolkitItem>
{
    public void Configure(EntityTypeBuilder<ToolkitItem> builder)
    {
        builder.Property(i => i.Note).HasMaxLength(Toolkit.NoteMax);
        builder.HasOne(i => i.Resource).WithMany().HasForeignKey(i => i.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.ToolkitId, i.ResourceId }).IsUnique();
        builder.HasIndex(i => i.ResourceId);
    }
}

internal sealed class ToolkitShareConfiguration : IEntityTypeConfiguration<ToolkitShare>
{
    public void Configure(EntityTypeBuilder<ToolkitShare> builder)
    {
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.SharedByName).HasMaxLength(200);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.SiteId);
        builder.HasIndex(s => s.ToolkitId);
        builder.ToTable(t => t.HasCheckConstraint("CK_ToolkitShares_OneGrantee", "(\"UserId\" IS NULL) <> (\"SiteId\" IS NULL)"));
    }
}

internal sealed class PeerExchangeConfiguration : IEntityTypeConfiguration<PeerExchange>
{
    public void Configure(EntityTypeBuilder<PeerExchange> builder)
    {
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.InvitedById).HasMaxLength(450);
        builder.Property(p => p.InvitedByName).HasMaxLength(200);
        builder.Property(p => p.AnsweredByName).HasMaxLength(200);
        builder.Property(p => p.AnswerNote).HasMaxLength(PeerExchange.NoteMax);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.TtaRequest).WithMany().HasForeignKey(p => p.TtaRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.HostSite).WithMany().HasForeignKey(p => p.HostSiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Milestone).WithMany().HasForeignKey(p => p.MilestoneId).OnDelete(DeleteBehavior.SetNull);
        // A site is invited once per request; the host's home lists its open invitations.
        builder.HasIndex(p => new { p.TtaRequestId, p.HostSiteId }).IsUnique();
        builder.HasIndex(p => new { p.HostSiteId, p.Status });
    }
}
