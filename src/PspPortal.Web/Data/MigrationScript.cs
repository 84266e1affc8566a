using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PspPortal.Web.Data;

/// <summary>The SQL script of the configured provider's migrations, for a DBA to review and run (<c>migrate --script
/// FILE</c>).</summary>
public static class MigrationScript
{
    /// <summary>On SQL Server, every migration, idempotent: each runs only when the history table lacks it, so the one
    /// script brings a database at any earlier version (or an empty one) up to date. Made without opening the
    /// connection. SQLite has no conditional blocks, and EF Core cannot write an idempotent SQLite script: there the
    /// script starts after the last migration the configured database has (from nothing when the file does not exist
    /// yet), says so in its first lines, and applies to that database only.</summary>
    public static async Task<string> ForConfiguredDatabaseAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var migrator = db.GetService<IMigrator>();
        if (!db.Database.IsSqlite())
        {
            return migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        }

        var from = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
        var to = db.Database.GetMigrations().LastOrDefault();
        var header = $"""
            -- PSP Portal: SQLite migrations after {from ?? "(none: an empty database)"} up to {to ?? "(none)"}.
            -- EF Core cannot write idempotent scripts for SQLite: run this on that database only, or run `PspPortal.Web migrate`.

            """;
        return from == to ? header + "-- The database is up to date: nothing to run.\n" : header + migrator.GenerateScript(fromMigration: from);
    }
}
