using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace PspPortal.Web.Infrastructure;

/// <summary>Which failures mean "the database cannot be reached or used right now" rather than a fault of the
/// portal: they are answered with a friendly 503 and end by themselves when the database is back.</summary>
public static class DatabaseFailures
{
    // SQLite result codes: BUSY, LOCKED, IOERR, CORRUPT, CANTOPEN, NOTADB (https://sqlite.org/rescode.html).
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 10, 11, 14, 26];

    // SQL Server: time-out, cannot reach the server or the database, login refused, connection dropped, fail-over,
    // database not available. A deadlock (1205) or a constraint is not an outage.
    private static readonly HashSet<int> SqlServerUnavailable =
        [-2, -1, 2, 20, 53, 64, 121, 233, 4060, 4221, 10053, 10054, 10060, 10061, 10928, 10929, 11001, 18456, 40143, 40197, 40501, 40613, 42108, 42109, 49918, 49919, 49920, 976, 978, 983];

    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case TimeoutException:
                    return true;
                case SqliteException sqlite when SqliteUnavailable.Contains(sqlite.SqliteErrorCode)
                    // A database file that is missing and was re-created empty has none of the portal's tables.
                    || (sqlite.SqliteErrorCode == 1 && sqlite.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase)):
                    return true;
                case SqlException sql when sql.Class >= 20 || sql.Errors.Cast<SqlError>().Any(x => SqlServerUnavailable.Contains(x.Number)):
                    return true;
            }
        }

        return false;
    }
}

/// <summary>Answers a request that failed because the database is unavailable with a plain 503 page (no stack, no
/// layout that would need the database), <c>Retry-After: 30</c>, and one warning in the log. Nothing is remembered:
/// the next request tries the database again, so the portal recovers by itself when the database is back.</summary>
public sealed partial class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>The portal is briefly unavailable - PSP Portal</title></head>
        <body>
        <main>
        <h1>The portal is briefly unavailable</h1>
        <p>The PSP Portal cannot reach its database right now. Nothing you did caused this, and nothing has been lost.</p>
        <p>Please try again in a minute.</p>
        </main>
        </body>
        </html>
        """;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e) && !context.Response.HasStarted)
        {
            LogUnavailable(logger, e);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "30";
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page, context.RequestAborted);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable: answered 503.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
