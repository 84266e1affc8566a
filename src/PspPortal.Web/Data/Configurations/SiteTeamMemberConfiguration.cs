using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Configurations;

internal sealed class SiteTeamMemberConfiguration : IEntityTypeConfiguration<SiteTeamMember>
{
    public void Configure(EntityTypeBuilder<SiteTeamMember> builder)
    {
        builder.Property(m => m.FullName).HasMaxLength(200);
        builder.Property(m => m.TeamRole).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.Organization).HasMaxLength(200);
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Email).HasMaxLength(256);
        builder.HasOne(m => m.Site).WithMany(s => s.TeamMembers).HasForeignKey(m => m.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);

        // The scope query: "which sites is this user on the team of?"
        builder.HasIndex(m => new { m.UserId, m.SiteId });
        builder.HasIndex(m => new { m.SiteId, m.TeamRole });
    }
}
