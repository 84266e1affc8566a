using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.Findings).HasMaxLength(8000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        // One assessment per engagement.
        builder.HasOne(a => a.Engagement).WithOne(e => e.Assessment).HasForeignKey<Assessment>(a => a.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.EngagementId).IsUnique();
        builder.HasMany(a => a.CoreAreas).WithOne().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Recommendations).WithOne(r => r.Assessment).HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentCoreAreaConfiguration : IEntityTypeConfiguration<AssessmentCoreArea>
{
    public void Configure(EntityTypeBuilder<AssessmentCoreArea> builder)
    {
        builder.HasKey(c => new { c.AssessmentId, c.CoreAreaId });
        builder.HasOne(c => c.CoreArea).WithMany().HasForeignKey(c => c.CoreAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(2000);
        builder.Property(r => r.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.OwnerName).HasMaxLength(120);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.CoreArea).WithMany().HasForeignKey(r => r.CoreAreaId).OnDelete(DeleteBehavior.Restrict);
        // No action in the database: with a cascade here, deleting an engagement would reach a recommendation by two
        // paths (its assessment, and its goal's strategy), which SQL Server refuses (MigrationScriptTests). Strategies
        // are dropped, never deleted; EF clears the link on loaded recommendations if one ever is.
        builder.HasOne(r => r.Strategy).WithMany(s => s.Recommendations).HasForeignKey(r => r.StrategyId).OnDelete(DeleteBehavior.ClientSetNull);
        // Numbers are given once per assessment; two people adding at the same moment cannot both get the same one.
        builder.HasIndex(r => new { r.AssessmentId, r.Number }).IsUnique();
        builder.HasIndex(r => r.StrategyId);
    }
}

internal sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> builder)
    {
        builder.Property(g => g.Title).HasMaxLength(300);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasOne(g => g.Engagement).WithMany(e => e.Goals).HasForeignKey(g => g.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Strategies).WithOne(s => s.Goal).HasForeignKey(s => s.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.EngagementId, g.Number }).IsUnique();
    }
}

internal sealed class PlanStrategyConfiguration : IEntityTypeConfiguration<PlanStrategy>
{
    public void Configure(EntityTypeBuilder<PlanStrategy> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.OwnerName).HasMaxLength(120);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.CoreArea).WithMany().HasForeignKey(s => s.CoreAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Notes).WithOne().HasForeignKey(n => n.StrategyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Requests).WithOne(r => r.Strategy).HasForeignKey(r => r.StrategyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.GoalId, s.Number }).IsUnique();
    }
}

internal sealed class StrategyNoteConfiguration : IEntityTypeConfiguration<StrategyNote>
{
    public void Configure(EntityTypeBuilder<StrategyNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(2000);
        builder.Property(n => n.AuthorId).HasMaxLength(450);
        builder.Property(n => n.AuthorName).HasMaxLength(200);
        builder.HasIndex(n => new { n.StrategyId, n.WrittenOn });
    }
}

internal sealed class CapacityGrantConfiguration : IEntityTypeConfiguration<CapacityGrant>
{
    public void Configure(EntityTypeBuilder<CapacityGrant> builder)
    {
        builder.ToTable("CapacityGrants");
        builder.Property(g => g.Solicitation).HasMaxLength(300);
        builder.Property(g => g.AwardNumber).HasMaxLength(40);
        builder.HasIndex(g => g.AwardNumber).IsUnique();
        builder.Property(g => g.Amount).HasPrecision(12, 2);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasOne(g => g.Site).WithMany().HasForeignKey(g => g.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.Engagement).WithMany().HasForeignKey(g => g.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.FundedStrategies).WithOne(f => f.Grant).HasForeignKey(f => f.GrantId).OnDelete(DeleteBehavior.Cascade);
        // The filters /Grants offers: fiscal year, status, site (cohort goes through the engagement).
        builder.HasIndex(g => new { g.FiscalYear, g.Status });
        builder.HasIndex(g => g.SiteId);
        builder.HasIndex(g => g.EngagementId);
    }
}

internal sealed class GrantFundedStrategyConfiguration : IEntityTypeConfiguration<GrantFundedStrategy>
{
    public void Configure(EntityTypeBuilder<GrantFundedStrategy> builder)
    {
        builder.HasKey(f => new { f.GrantId, f.StrategyId });
        builder.HasOne(f => f.Strategy).WithMany(s => s.Grants).HasForeignKey(f => f.StrategyId).OnDelete(DeleteBehavior.Restrict);
    }
}
