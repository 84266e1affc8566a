using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PspPortal.Web.Data;

/// <summary>The context on SQLite, the embedded default. Its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

/// <summary>The context on SQL Server, the production target with several web servers. Its migrations live in
/// Data/Migrations/SqlServer (one initial migration, regenerated whole while the schema is young: docs/operations.md).
/// The model is the shared one with the types that suit SQL Server (docs/adr/0003):
/// <list type="bullet">
/// <item>every time is a <c>datetimeoffset</c> holding UTC (offset +00:00), so that a DBA reading a row, a report or a
/// backup sees the instant without knowing the convention; the application keeps UTC <see cref="DateTime"/>s;</item>
/// <item>each row with a concurrency token (<c>Version</c>, renewed by the domain when the row changes, and carried by
/// forms) also has a <c>rowversion</c> column, <c>RowVersion</c>, that the server changes on every write: a write
/// that went round the domain (a script, a bulk update) still makes a stale save fail instead of overwriting it.</item>
/// </list>
/// Lengths are those of the configurations, so every indexed text column is an nvarchar(n) that SQL Server can index;
/// unique indexes on nullable columns are filtered (<c>WHERE … IS NOT NULL</c>) by EF Core's SQL Server conventions,
/// as SQLite's allow several NULLs. <c>SqlServerScriptTests</c> reviews the generated script for what SQL Server
/// refuses.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options)
{
    /// <summary>The shadow <c>rowversion</c> column of every entity that has a concurrency token.</summary>
    public const string RowVersion = "RowVersion";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var versioned = builder.Model.GetEntityTypes()
            .Where(e => e.GetProperties().Any(p => p.IsConcurrencyToken && p.Name == "Version"))
            .Select(e => e.ClrType)
            .ToList();
        foreach (var type in versioned)
        {
            builder.Entity(type).Property<byte[]>(RowVersion).IsRowVersion().IsRequired();
        }

        LimitIdentityKeys(builder);
        AvoidSecondCascadePaths(builder);
    }

    /// <summary>What SQL Server refuses and SQLite accepts, found by the script review (MigrationScriptTests):
    /// <list type="bullet">
    /// <item>a second cascade path to one table: a share reached from its account and from its toolkit (whose owner is
    /// an account), a peer exchange reached from its visit milestone and from its request. The second path is
    /// no-action in the database and EF applies it to loaded rows; accounts are disabled, not deleted, and milestones
    /// are never deleted.</item>
    /// <item>SQLite's comparison of two booleans in a check constraint, written here as SQL Server reads it.</item>
    /// </list></summary>
    private static void AvoidSecondCascadePaths(ModelBuilder builder)
    {
        builder.Entity<Domain.ToolkitShare>(share =>
        {
            share.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.ClientCascade);
            share.ToTable(t => t.HasCheckConstraint("CK_ToolkitShares_OneGrantee", "([UserId] IS NULL AND [SiteId] IS NOT NULL) OR ([UserId] IS NOT NULL AND [SiteId] IS NULL)"));
        });
        builder.Entity<Domain.PeerExchange>().HasOne(p => p.Milestone).WithMany().HasForeignKey(p => p.MilestoneId).OnDelete(DeleteBehavior.ClientSetNull);
    }

    /// <summary>The longest account or role id, login provider, provider key and token name on SQL Server. Identity's
    /// default, nvarchar(450), makes the composite primary keys of AspNetUserRoles, AspNetUserLogins and
    /// AspNetUserTokens 1,800 to 2,700 bytes wide, over the 900 bytes of a clustered key: SQL Server creates them with
    /// a warning and refuses any row whose key is wider. 128 (Identity's own <c>MaxLengthForKeys</c> for SQL Server)
    /// keeps every key under 900 bytes; the portal's ids are GUIDs (36 characters). Foreign keys to an account or a
    /// role follow, as SQL Server wants both ends of a foreign key of one length.</summary>
    private static void LimitIdentityKeys(ModelBuilder builder)
    {
        const int KeyLength = 128;
        builder.Entity<PortalUser>().Property(u => u.Id).HasMaxLength(KeyLength);
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRole>().Property(r => r.Id).HasMaxLength(KeyLength);
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>(login =>
        {
            login.Property(l => l.LoginProvider).HasMaxLength(KeyLength);
            login.Property(l => l.ProviderKey).HasMaxLength(KeyLength);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>(token =>
        {
            token.Property(t => t.LoginProvider).HasMaxLength(KeyLength);
            token.Property(t => t.Name).HasMaxLength(KeyLength);
        });

        var accountTypes = new[] { typeof(PortalUser), typeof(Microsoft.AspNetCore.Identity.IdentityRole) };
        foreach (var foreignKey in builder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()).Where(f => accountTypes.Contains(f.PrincipalEntityType.ClrType)).ToList())
        {
            foreach (var property in foreignKey.Properties)
            {
                builder.Entity(foreignKey.DeclaringEntityType.ClrType).Property(property.Name).HasMaxLength(KeyLength);
            }
        }
    }

    /// <summary>A UTC <see cref="DateTime"/> stored as a <c>datetimeoffset</c> at +00:00 and read back as UTC.</summary>
    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTime, DateTimeOffset>(
        v => new DateTimeOffset(v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), TimeSpan.Zero),
        v => v.UtcDateTime);
}

/// <summary>Lets `dotnet ef` build the SQLite context without starting the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets `dotnet ef` build the SQL Server context without a server (migrations and scripts only: the
/// connection string is never opened).</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public const string UnopenedConnectionString = "Server=(local);Database=PspPortal;Trusted_Connection=True;TrustServerCertificate=True";

    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPortalDbContext>().UseSqlServer(UnopenedConnectionString).Options);
}
