using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data;

/// <summary>What became of a save that others may have raced: saved, refused because someone changed the row after
/// the user saw it, or refused because a unique number it gave was taken by someone else at the same moment.</summary>
public enum SaveOutcome
{
    Saved,
    ChangedByOthers,
    NumberTaken,
}

/// <summary>Optimistic concurrency in one place (docs/architecture.md): a page loads the row, the form carries the
/// <see cref="IVersioned.Version"/> the user saw, and the save is made only if the database still holds that version.
/// On a refusal the change tracker is cleared, so the page can show the row as it is now and nothing half-made is
/// saved by a later call.</summary>
public static class SaveIfUnchangedExtensions
{
    /// <summary>Saves the tracked changes if <paramref name="entity"/> still has <paramref name="versionSeen"/> in the
    /// database (and every other tracked row its own loaded version).</summary>
    public static Task<SaveOutcome> SaveIfUnchangedAsync(this PortalDbContext db, IVersioned entity, Guid versionSeen, CancellationToken cancellationToken)
    {
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = versionSeen;
        return db.SaveUnlessRacedAsync(cancellationToken);
    }

    /// <summary>Saves the tracked changes unless a row changed since it was loaded or a unique number was taken.</summary>
    public static async Task<SaveOutcome> SaveUnlessRacedAsync(this PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.ChangedByOthers;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.NumberTaken;
        }
    }

    /// <summary>A unique index refused the row: SQLite's SQLITE_CONSTRAINT_UNIQUE (2067) or primary key (1555),
    /// SQL Server's 2601 (unique index) or 2627 (unique constraint). Any other failure (the database away, a
    /// foreign key) is not a race and goes on as it is.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sql => sql.Errors.Cast<SqlError>().Any(x => x.Number is 2601 or 2627),
        _ => false,
    };
}
