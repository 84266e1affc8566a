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
    public async Task<string> NextAsync(int year, CancellationToken cancellationToken = default)
    {
        var sql = db.Database.IsSqlServer()
            ? """
              MERGE [ReferenceCounters] WITH (HOLDLOCK) AS t
              USING (SELECT @year AS [Year]) AS s ON t.[Year] = s.[Year]
              WHEN MATCHED THEN UPDATE SET [LastNumber] = t.[LastNumber] + 1
              WHEN NOT MATCHED THEN INSERT ([Year], [LastNumber]) VALUES (s.[Year], 1)
              OUTPUT inserted.[LastNumber];
              """
            : """
              INSERT INTO "ReferenceCounters" ("Year", "LastNumber") VALUES (@year, 1)
              ON CONFLICT ("Year") DO UPDATE SET "LastNumber" = "LastNumber" + 1
              RETURNING "LastNumber";
              """;

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
