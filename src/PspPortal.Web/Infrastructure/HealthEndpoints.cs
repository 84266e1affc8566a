using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PspPortal.Web.Data;

namespace PspPortal.Web.Infrastructure;

/// <summary>The health endpoints a load balancer and an orchestrator ask:
/// <list type="bullet">
/// <item><c>/healthz/live</c>: the process answers (restart it when this fails);</item>
/// <item><c>/healthz/ready</c>: the database answers and has every migration this build expects (send it no traffic
/// while this fails; it recovers by itself);</item>
/// <item><c>/healthz</c>: the same as ready, as PRODUCT.md has promised since the first release.</item>
/// </list>
/// Each answers <c>Healthy</c> with 200 or <c>Unhealthy</c> with 503, anonymously and over plain HTTP too.</summary>
public static class HealthEndpoints
{
    public const string Live = "live";
    public const string Ready = "ready";

    public static WebApplication MapPortalHealthChecks(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live) }).AllowAnonymous();
        return app;
    }
}

/// <summary>Ready when the database can be reached within a few seconds and has no pending migration. On SQLite a
/// missing file is not created by the check (EF Core asks whether the file exists).</summary>
internal sealed class DatabaseReadinessCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (!await db.Database.CanConnectAsync(timeout.Token))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(timeout.Token)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The database lacks {pending} migration(s): run `PspPortal.Web migrate`.");
        }
        catch (Exception e) when (e is OperationCanceledException || DatabaseFailures.IsUnavailable(e))
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
