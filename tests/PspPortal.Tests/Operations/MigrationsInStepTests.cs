using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;

namespace PspPortal.Tests.Operations;

/// <summary>Each provider's migrations describe the model as it is: a model change without a migration for SQLite or
/// for SQL Server fails here (to regenerate SQL Server's one migration: docs/operations.md).</summary>
public class MigrationsInStepTests
{
    [Fact]
    public void The_SQLite_migrations_have_every_model_change()
    {
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no SQLite migration has: add one (docs/architecture.md).");
    }

    [Fact]
    public void The_SQL_Server_migrations_have_every_model_change()
    {
        using var db = SqlServerModel.CreateContext();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that the SQL Server migration lacks: regenerate it (docs/operations.md).");
    }
}

/// <summary>The SQL Server context on a connection string that is never opened: the model, migrations and scripts
/// need no server.</summary>
internal static class SqlServerModel
{
    public const string UnopenedConnectionString = "Server=tcp:sql.invalid,1433;Database=PspPortal;User Id=psp_portal;Password=never-opened;Encrypt=True";

    public static SqlServerPortalDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SqlServerPortalDbContext>().UseSqlServer(UnopenedConnectionString).Options);
}
