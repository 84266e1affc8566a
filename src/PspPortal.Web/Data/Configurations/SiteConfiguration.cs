using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.Property(s => s.State).HasMaxLength(2).IsFixedLength();
        builder.Ignore(s => s.DisplayName);
        builder.HasIndex(s => new { s.Name, s.State }).IsUnique();
        builder.HasIndex(s => s.State);
    }
}
