using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PspPortal.Tests.Operations;

/// <summary>The review of the SQL Server script catches each thing it is there for: a review that passes everything
/// would prove nothing about the portal's script.</summary>
public class SqlServerScriptReviewTests
{
    [Theory]
    [InlineData("CREATE TABLE \"T\" (\"Id\" INTEGER PRIMARY KEY AUTOINCREMENT);", "SQLite-only syntax: AUTOINCREMENT")]
    [InlineData("INSERT INTO [T] ([A]) VALUES (1) RETURNING [A];", "SQLite-only syntax: RETURNING")]
    [InlineData("UPDATE [T] SET [At] = datetime('now');", "SQLite-only syntax: datetime('now')")]
    [InlineData("CREATE TABLE [T] ([Id] int NOT NULL,", "T-SQL does not parse")]
    // The parser itself refuses a CREATE VIEW or PROCEDURE that is not alone in its batch.
    [InlineData("SELECT 1;\nCREATE VIEW [V] AS SELECT 1 AS [X];", "T-SQL does not parse at line 2")]
    [InlineData("IF 1 = 1\nBEGIN\n    CREATE PROCEDURE [P] AS SELECT 1;\nEND;", "T-SQL does not parse at line 3")]
    public void A_script_SQL_Server_would_refuse_is_reported(string script, string problem)
    {
        var problems = SqlServerScriptReview.ReviewScript(script);

        Assert.True(problems.Any(p => p.Contains(problem, StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_column_used_in_the_batch_that_adds_it_is_reported_and_EXEC_or_GO_is_accepted()
    {
        const string Broken = """
            BEGIN TRANSACTION;
            IF NOT EXISTS (SELECT * FROM [__EFMigrationsHistory] WHERE [MigrationId] = N'2')
            BEGIN
                ALTER TABLE [Sites] ADD [Region] nvarchar(40) NULL;
            END;
            IF NOT EXISTS (SELECT * FROM [__EFMigrationsHistory] WHERE [MigrationId] = N'2')
            BEGIN
                UPDATE [Sites] SET [Region] = N'East';
            END;
            COMMIT;
            GO
            """;
        var fixedWithExec = Broken.Replace("UPDATE [Sites] SET [Region] = N'East';", "EXEC(N'UPDATE [Sites] SET [Region] = N''East''');", StringComparison.Ordinal);
        var fixedWithGo = Broken.Replace("END;\nIF NOT EXISTS", "END;\nGO\nIF NOT EXISTS", StringComparison.Ordinal)
            .Replace("BEGIN TRANSACTION;", string.Empty, StringComparison.Ordinal).Replace("COMMIT;", string.Empty, StringComparison.Ordinal);

        Assert.Contains(SqlServerScriptReview.ReviewScript(Broken), p => p.Contains("uses column [Region], added earlier in the same batch", StringComparison.Ordinal));
        Assert.Empty(SqlServerScriptReview.ReviewScript(fixedWithExec));
        Assert.Empty(SqlServerScriptReview.ReviewScript(fixedWithGo));
    }

    [Fact]
    public void An_identifier_longer_than_128_characters_is_reported()
    {
        var name = new string('x', 129);

        var problems = SqlServerScriptReview.ReviewScript($"CREATE TABLE [{name}] ([Id] int NOT NULL);");

        Assert.True(problems.Any(p => p.Contains("is too long.  Maximum length is 128", StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("nvarchar(450)", 900)]
    [InlineData("nchar(2)", 4)]
    [InlineData("varbinary(16)", 16)]
    [InlineData("datetimeoffset", 10)]
    [InlineData("nvarchar(max)", null)]
    [InlineData("varbinary(max)", null)]
    [InlineData("xml", null)]
    public void Key_sizes_follow_SQL_Server(string storeType, int? bytes)
    {
        Assert.Equal(bytes, SqlServerScriptReview.KeyBytes(storeType));
    }

    [Fact]
    public void A_model_with_multiple_cascade_paths_an_unindexable_key_and_an_unfiltered_unique_index_is_reported()
    {
        using var db = new BadModel();
        var problems = SqlServerScriptReview.ReviewModel(db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        var all = string.Join(Environment.NewLine, problems);

        Assert.True(problems.Any(p => p.StartsWith("Multiple cascade paths from Owners to Leaves", StringComparison.Ordinal)), all);
        Assert.True(problems.Any(p => p.Contains("column Notes of type nvarchar(max) cannot be an index key", StringComparison.Ordinal)), all);
        Assert.True(problems.Any(p => p.Contains("key of 2000 bytes, over SQL Server's 1700", StringComparison.Ordinal)), all);
        Assert.True(problems.Any(p => p.Contains("IX_Leaves_Code: unique on a nullable column without a filter", StringComparison.Ordinal)), all);
        Assert.True(problems.Any(p => p.StartsWith("Cascade cycle", StringComparison.Ordinal)), all);
    }

    private sealed class Owner
    {
        public int Id { get; set; }
        public int? LoopId { get; set; }
    }

    private sealed class Branch
    {
        public int Id { get; set; }
        public int OwnerId { get; set; }
    }

    private sealed class Leaf
    {
        public int Id { get; set; }
        public int OwnerId { get; set; }
        public int BranchId { get; set; }
        public string? Notes { get; set; }
        public string? Code { get; set; }
        public string Wide { get; set; } = "";
    }

    private sealed class BadModel : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.UseSqlServer(SqlServerModel.UnopenedConnectionString);

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Owner>().ToTable("Owners");
            modelBuilder.Entity<Branch>().ToTable("Branches").HasOne<Owner>().WithMany().HasForeignKey(b => b.OwnerId).OnDelete(DeleteBehavior.Cascade);
            var leaf = modelBuilder.Entity<Leaf>().ToTable("Leaves");
            leaf.HasOne<Owner>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
            leaf.HasOne<Branch>().WithMany().HasForeignKey(l => l.BranchId).OnDelete(DeleteBehavior.Cascade);
            leaf.Property(l => l.Notes).HasColumnType("nvarchar(max)");
            leaf.HasIndex(l => l.Notes);
            leaf.Property(l => l.Wide).HasMaxLength(1000);
            leaf.HasIndex(l => l.Wide);
            leaf.Property(l => l.Code).HasMaxLength(20);
            leaf.HasIndex(l => l.Code).IsUnique().HasFilter(null);

            // Owners -> Branches -> Owners: a cycle.
            modelBuilder.Entity<Owner>().HasOne<Branch>().WithMany().HasForeignKey(o => o.LoopId).OnDelete(DeleteBehavior.SetNull);
        }
    }
}
