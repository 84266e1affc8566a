using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PspPortal.Tests.Security;
using PspPortal.Web.Data;

namespace PspPortal.Tests.Data;

/// <summary>A database written before the audit trail became an allow-list holds second factors and session keys in
/// its audit trail; migrating it removes them and keeps everything else.</summary>
public sealed class ScrubSecretsMigrationTests : IDisposable
{
    private const string Scrub = "ScrubSecretsFromAuditTrail";
    private const string LeakedKey = "JBSWY3DPEHPK3PXPLEAKEDKEY";
    private const string LeakedCode = "7K4QX-9MWPB";
    private const string LeakedSession = "leaked-session-key-5mJ8wQ2rT6yU1iO3pA7sD9fG";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"psp-scrub-{Guid.NewGuid():N}.db");

    private SqlitePortalDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={_path}").Options);

    [Fact]
    public async Task Migrating_scrubs_second_factors_and_session_keys_from_the_audit_trail_and_keeps_the_rest()
    {
        await using (var before = NewContext())
        {
            var migrations = before.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith(Scrub, StringComparison.Ordinal)) - 1];
            await before.GetService<IMigrator>().MigrateAsync(previous);

            var connection = before.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO AspNetUsers (Id, FullName, IsDisabled, CreatedAt, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, Email, UserName)
                VALUES ('u1', 'Old Person', 0, '2026-01-01 00:00:00', 1, 0, 1, 1, 0, 'old@psp.example', 'old@psp.example');
                INSERT INTO AspNetUserTokens (UserId, LoginProvider, Name, Value) VALUES ('u1', '[AspNetUserStore]', 'AuthenticatorKey', 'JBSWY3DPEHPK3PXPLEAKEDKEY');
                INSERT INTO AspNetUserTokens (UserId, LoginProvider, Name, Value) VALUES ('u1', '[AspNetUserStore]', 'RecoveryCodes', '7K4QX-9MWPB;2B6NC-HT3RV');
                INSERT INTO AuditEntries (OccurredAt, Kind, Action, EntityType, EntityId, Changes)
                VALUES ('2026-01-01 00:00:00', 'DataChange', 'Added', 'IdentityUserToken', 'u1,[AspNetUserStore],AuthenticatorKey', '{"Value":{"before":null,"after":"JBSWY3DPEHPK3PXPLEAKEDKEY"}}');
                INSERT INTO AuditEntries (OccurredAt, Kind, Action, EntityType, EntityId, Changes)
                VALUES ('2026-01-01 00:00:01', 'DataChange', 'Added', 'IdentityUserToken', 'u1,[AspNetUserStore],RecoveryCodes', '{"Value":{"before":null,"after":"7K4QX-9MWPB;2B6NC-HT3RV"}}');
                INSERT INTO AuditEntries (OccurredAt, Kind, Action, EntityType, EntityId, Changes)
                VALUES ('2026-01-01 00:00:02', 'DataChange', 'Added', 'UserSession', 'leaked-session-key-5mJ8wQ2rT6yU1iO3pA7sD9fG', '{"Id":{"before":null,"after":"leaked-session-key-5mJ8wQ2rT6yU1iO3pA7sD9fG"}}');
                INSERT INTO AuditEntries (OccurredAt, Kind, Action, EntityType, EntityId, Changes)
                VALUES ('2026-01-01 00:00:03', 'DataChange', 'Modified', 'TtaRequest', '42', '{"Title":{"before":"Old","after":"New"}}');
                """;
            await insert.ExecuteNonQueryAsync();
        }

        await using var after = NewContext();
        await after.Database.MigrateAsync();

        var trail = await AuditSecretsTests.EveryCellAsync(after.Database.GetDbConnection(), "AuditEntries");
        Assert.DoesNotContain(trail, c => c.Contains(LeakedKey, StringComparison.Ordinal));
        Assert.DoesNotContain(trail, c => c.Contains(LeakedCode, StringComparison.Ordinal));
        Assert.DoesNotContain(trail, c => c.Contains(LeakedSession, StringComparison.Ordinal));
        var rows = await after.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(4, rows.Count);
        Assert.All(rows.Take(3), r => Assert.Contains("Values removed", r.Details, StringComparison.Ordinal));
        Assert.Equal("""{"Title":{"before":"Old","after":"New"}}""", rows[3].Changes);
        var tokens = await after.UserTokens.AsNoTracking().Select(t => t.Name).ToListAsync();
        Assert.Equal(["AuthenticatorKey"], tokens);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
