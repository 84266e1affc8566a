using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Data;

namespace PspPortal.Tests.Operations;

/// <summary>A save is one transaction with its audit rows: when a statement fails part-way (here a fault injected into
/// the n-th write of the save), the data and the audit trail are both as they were, never a half-written change and
/// never a change without its audit row.</summary>
[Collection(PortalTests.Name)]
public class AtomicSaveTests(PortalFactory factory)
{
    /// <summary>Records the writes (INSERT, UPDATE, DELETE) once armed, and throws instead of running the first that
    /// <c>failOn</c> picks.</summary>
    private sealed class FaultInSecondStatement(Func<string, bool> failOn) : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        public List<string> Writes { get; } = [];

        public List<bool> InTransaction { get; } = [];

        public string? Failed { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Check(DbCommand command)
        {
            var text = command.CommandText.TrimStart();
            if (!Armed || !(text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            Writes.Add(text);
            InTransaction.Add(command.Transaction is not null);
            if (Failed is null && failOn(text))
            {
                Failed = text;
                throw new InvalidOperationException("Injected fault: the database failed this statement.");
            }
        }
    }

    public static TheoryData<string> FailingStatements => ["the second change", "the audit rows"];

    [Theory]
    [MemberData(nameof(FailingStatements))]
    public async Task A_save_that_fails_part_way_leaves_the_data_and_the_audit_trail_as_they_were(string failing)
    {
        var updates = 0;
        var fault = new FaultInSecondStatement(text => failing == "the second change"
            ? text.StartsWith("UPDATE \"Sites\"", StringComparison.Ordinal) && ++updates == 2
            : text.Contains("\"AuditEntries\"", StringComparison.Ordinal));
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite($"Data Source={factory.DatabasePath}")
            .AddInterceptors(new AuditInterceptor(new HttpContextAccessor(), TimeProvider.System), fault)
            .Options;

        (int Id, string Name)[] before;
        int auditRows;
        await using (var db = factory.CreateDbContext())
        {
            before = [.. (await db.Sites.AsNoTracking().OrderBy(s => s.Id).Take(2).Select(s => new { s.Id, s.Name }).ToListAsync()).Select(s => (s.Id, s.Name))];
            auditRows = await db.AuditEntries.CountAsync();
        }

        await using (var db = new SqlitePortalDbContext(options))
        {
            var sites = await db.Sites.OrderBy(s => s.Id).Take(2).ToListAsync();
            foreach (var site in sites)
            {
                site.Name += " (renamed part-way)";
            }

            fault.Armed = true;
            await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        }

        // The fault struck where it was meant to, after at least one write of the same save had run.
        Assert.NotNull(fault.Failed);
        Assert.True(fault.Writes.Count >= 2, string.Join(Environment.NewLine, fault.Writes));
        await using (var db = factory.CreateDbContext())
        {
            var after = (await db.Sites.AsNoTracking().OrderBy(s => s.Id).Take(2).Select(s => new { s.Id, s.Name }).ToListAsync()).Select(s => (s.Id, s.Name));
            Assert.Equal(before, after);
            Assert.Equal(auditRows, await db.AuditEntries.CountAsync());
        }
    }

    [Fact]
    public async Task A_save_writes_the_change_and_its_audit_row_in_one_transaction()
    {
        var fault = new FaultInSecondStatement(_ => false);
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite($"Data Source={factory.DatabasePath}")
            .AddInterceptors(new AuditInterceptor(new HttpContextAccessor(), TimeProvider.System), fault)
            .Options;
        await using var db = new SqlitePortalDbContext(options);
        var site = await db.Sites.OrderBy(s => s.Id).FirstAsync();
        var name = site.Name;
        site.Name = name + " (audited)";
        fault.Armed = true;

        await db.SaveChangesAsync();
        site.Name = name;
        await db.SaveChangesAsync();

        Assert.Equal(4, fault.Writes.Count);
        Assert.Equal(4, fault.InTransaction.Count(t => t));
        Assert.Equal(2, fault.Writes.Count(w => w.Contains("\"AuditEntries\"", StringComparison.Ordinal)));
    }
}
