using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PspPortal.Web.Data;

/// <summary>The SQL script of every migration of the context's provider, idempotent (each migration runs only when
/// the history table lacks it), so that a DBA can run it on a database at any earlier version. Made without opening
/// the connection.</summary>
public static class MigrationScript
{
    public static string Idempotent(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }
}
