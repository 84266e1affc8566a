using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data;

/// <summary>Gives out TTA reference numbers (TTA-{year}-{five digits}). The year's counter is incremented by one
/// atomic statement that returns the new value, so two requests submitted at the same moment never get the same
/// number; a number whose request then fails to save is simply skipped.</summary>
public sealed class ReferenceNumbers(PortalDbContext db)
{
    /// <summary>SQLite (3.35 or later): an UPSERT. The write takes the database's one write lock, so two of them run
    /// one after the other; RETURNING gives the value this statement wrote.</summary>
    internal const string SqliteStatement = """
        INSERT INTO "ReferenceCounters" ("Year", "LastNumber") VALUES (@year, 1)
        ON CONFLICT ("Year") DO UPDATE SET "LastNumber" = "LastNumber" + 1
        RETURNING "LastNumber";
        """;

    /// <summary>SQL Server: one MERGE, reviewed line by line (ReferenceNumberStatementTests parses it).
    /// <list type="bullet">
    /// <item><c>WITH (HOLDLOCK)</c> makes the MERGE serializable on the year's key: without it two sessions can both
    /// find no row for a new year and both insert (a primary-key violation), a known MERGE race.</item>
    /// <item><c>USING (SELECT @year AS [Year])</c>: the parameter is an int (ADO.NET infers it from the value), so the
    /// join on the int primary key is a seek, and the key range lock covers exactly that year.</item>
    /// <item><c>WHEN MATCHED … + 1</c> reads and writes under the row's update lock: no two sessions get the same
    /// value.</item>
    /// <item><c>OUTPUT inserted.[LastNumber]</c> returns the value written by this statement, for the UPDATE and the
    /// INSERT branch alike. OUTPUT without INTO is refused on a table with triggers: ReferenceCounters has none.</item>
    /// <item>The closing semicolon is required after a MERGE.</item>
    /// </list>
    /// Outside a transaction it commits at once (a number whose request then fails is skipped); inside the caller's
    /// transaction the command joins it (<c>command.Transaction</c>), as SqlClient requires.</summary>
    internal const string SqlServerStatement = """
        MERGE [ReferenceCounters] WITH (HOLDLOCK) AS t
        USING (SELECT @year AS [Year]) AS s ON t.[Year] = s.[Year]
        WHEN MATCHED THEN UPDATE SET [LastNumber] = t.[LastNumber] + 1
        WHEN NOT MATCHED THEN INSERT ([Year], [LastNumber]) VALUES (s.[Year], 1)
        OUTPUT inserted.[LastNumber];
        """;

    public async Task<string> NextAsync(int year, CancellationToken cancellationToken = default)
    {
        var sql = db.Database.IsSqlServer() ? SqlServerStatement : SqliteStatement;

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@year";
            parameter.DbType = DbType.Int32;
            parameter.Value = year;
            command.Parameters.Add(parameter);
            var number = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return TtaRequest.FormatReference(year, number);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
