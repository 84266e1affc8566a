using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Configurations;

internal sealed class CoreAreaConfiguration : IEntityTypeConfiguration<CoreArea>
{
    public void Configure(EntityTypeBuilder<CoreArea> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.HasIndex(c => c.Name).IsUnique();
    }
}
