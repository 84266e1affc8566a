using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Data;

namespace PspPortal.Tests.Operations;

/// <summary><c>PspPortal.Web migrate --script FILE</c>, run as the operator runs it (its own process), writes the
/// configured provider's script. There is no SQL Server here: the SQL Server script is checked by
/// <see cref="SqlServerScriptReview"/> instead of being run.</summary>
public class MigrationScriptTests
{
    private static async Task<string> ScriptAsync(Dictionary<string, string> environment)
    {
        var file = Path.Combine(Path.GetTempPath(), $"psp-script-{Guid.NewGuid():N}.sql");
        try
        {
            var run = await PortalProcess.RunAsync(environment, "migrate", "--script", file);
            Assert.True(run.ExitCode == 0, $"migrate --script exited {run.ExitCode}: {run.Error}");
            return await File.ReadAllTextAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_SQL_Server_script_is_idempotent_and_passes_the_review_of_what_SQL_Server_refuses()
    {
        var script = await ScriptAsync(new()
        {
            ["Database__Provider"] = "SqlServer",
            ["ConnectionStrings__Portal"] = SqlServerModel.UnopenedConnectionString,
        });

        using var db = SqlServerModel.CreateContext();
        var migrations = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(migrations);
        foreach (var migration in migrations)
        {
            // Idempotent: every migration is guarded by the history table and recorded in it.
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
            Assert.Contains($"VALUES (N'{migration}'", script, StringComparison.Ordinal);
        }

        Assert.StartsWith("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL", script.TrimStart(), StringComparison.Ordinal);
        var problems = SqlServerScriptReview.ReviewScript(script).Concat(SqlServerScriptReview.ReviewModel(db.GetService<IDesignTimeModel>().Model.GetRelationalModel())).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // Every table of the model is created, with the SQL Server types chosen in SqlServerPortalDbContext.
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            Assert.Contains($"CREATE TABLE [{table.Name}] (", script, StringComparison.Ordinal);
        }

        Assert.Contains("[RowVersion] rowversion NOT NULL", script, StringComparison.Ordinal);
        // The Clearinghouse's full-text index is not in the EF model: a regenerated migration must keep its line.
        Assert.Contains("CREATE FULLTEXT INDEX ON [Resources] ([Title], [Summary]) KEY INDEX [PK_Resources]", script, StringComparison.Ordinal);
        Assert.Contains("[OccurredAt] datetimeoffset NOT NULL", script, StringComparison.Ordinal);
        Assert.DoesNotContain("datetime2", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_SQLite_script_runs_on_an_empty_database_and_says_it_is_not_idempotent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"psp-script-{Guid.NewGuid():N}.db");
        var script = await ScriptAsync(new() { ["Database__Provider"] = "Sqlite", ["ConnectionStrings__Portal"] = $"Data Source={path}" });
        Assert.False(File.Exists(path), "Writing the script creates no database.");
        Assert.Contains("EF Core cannot write idempotent scripts for SQLite", script, StringComparison.Ordinal);

        // Run it on an empty file: the result is the schema the migrations make.
        try
        {
            await using (var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={path}").Options))
            {
                await db.Database.OpenConnectionAsync();
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = script;
                await command.ExecuteNonQueryAsync();
                await db.Database.CloseConnectionAsync();

                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(0, await db.Sites.CountAsync());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void The_SQL_Server_reference_number_statement_is_one_serializable_MERGE_that_returns_the_new_number()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var script = (TSqlScript)parser.Parse(new StringReader(ReferenceNumbers.SqlServerStatement), out var errors);

        Assert.Empty(errors);
        var merge = Assert.IsType<MergeStatement>(Assert.Single(Assert.Single(script.Batches).Statements));
        var target = Assert.IsType<NamedTableReference>(merge.MergeSpecification.Target);
        Assert.Equal("ReferenceCounters", target.SchemaObject.BaseIdentifier.Value);
        Assert.Contains(target.TableHints, h => h.HintKind == TableHintKind.HoldLock);
        Assert.NotNull(merge.MergeSpecification.OutputClause);
        Assert.Null(merge.MergeSpecification.OutputIntoClause);
        Assert.Equal(2, merge.MergeSpecification.ActionClauses.Count);
        Assert.EndsWith(";", ReferenceNumbers.SqlServerStatement.TrimEnd(), StringComparison.Ordinal);
        Assert.Empty(SqlServerScriptReview.ReviewScript(ReferenceNumbers.SqlServerStatement));
    }
}
