using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PspPortal.Web.Data;
using PspPortal.Web.Data.Seeding;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Infrastructure;

public static class DataServiceExtensions
{
    /// <summary>Registers the context for the provider named by <c>Database:Provider</c>, and the seeder.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        // Every save writes its changes to the audit trail (Data/AuditInterceptor).
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditInterceptor>();
        // Every save of program data writes a new figures stamp, which invalidates cached figures (docs/adr/0010).
        services.AddSingleton<FiguresStampInterceptor>();
        // Every save that adds an event someone must hear of adds their notifications and mail (Data/NotificationInterceptor).
        services.AddSingleton<NotificationInterceptor>();

        // A provider or connection string the portal cannot use stops start-up here, with a message naming the setting.
        var database = DatabaseOptions.Read(configuration, migrateOnStartupByDefault: environment.IsDevelopment());
        services.AddSingleton(database);
        // Contexts come from a pool (docs/performance.md): every request opens one or more, and building one is most
        // of what a short query costs. The context holds no per-request state (the interceptors are singletons that
        // read the request through IHttpContextAccessor), so a reused context behaves as a new one.
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = string.IsNullOrWhiteSpace(database.ConnectionString) ? DefaultSqliteConnectionString(environment) : database.ConnectionString;
                services.AddDbContextPool<PortalDbContext, SqlitePortalDbContext>((sp, o) => o.UseSqlite(sqlite).AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<FiguresStampInterceptor>(), sp.GetRequiredService<NotificationInterceptor>()));
                break;
            case DatabaseProvider.SqlServer:
                // Transient failures (a fail-over, a dropped connection) are retried a few times, each save as a whole
                // (PortalDbContext.SaveChangesAsync); past that the page answers 503 (DatabaseUnavailable).
                services.AddDbContextPool<PortalDbContext, SqlServerPortalDbContext>((sp, o) => o
                    .UseSqlServer(database.ConnectionString, sql => sql.EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(5), errorNumbersToAdd: null))
                    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<FiguresStampInterceptor>(), sp.GetRequiredService<NotificationInterceptor>()));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{database.Provider}' is not supported; use Sqlite or SqlServer.");
        }

        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.SectionName));
        services.PostConfigure<DemoOptions>(o => o.Password = string.IsNullOrEmpty(o.Password) ? DemoOptions.DefaultPassword : o.Password);
        services.AddOptions<ServiceTargets>()
            .Bind(configuration.GetSection(ServiceTargets.SectionName))
            .Validate(t => t.DecisionBusinessDays > 0 && t.RoutineDeliveryBusinessDays > 0 && t.ExpeditedDeliveryBusinessDays > 0,
                "ServiceTargets: every target is a positive number of business days.")
            .ValidateOnStart();
        services.AddSingleton(sp => new ServiceClock(sp.GetRequiredService<IOptions<ServiceTargets>>().Value));
        services.AddScoped<DemoSeeder>();
        // Liveness: the process answers. Readiness: the database answers and has every migration this build expects.
        services.AddHealthChecks()
            .AddCheck("process", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), tags: [HealthEndpoints.Live])
            .AddCheck<DatabaseReadinessCheck>("database", tags: [HealthEndpoints.Ready]);
        return services;
    }

    /// <summary>The embedded default: a SQLite file in the app's data folder, created on first start.</summary>
    internal static string DefaultSqliteConnectionString(IWebHostEnvironment environment)
    {
        var folder = Path.Combine(environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "psp-portal.db")}";
    }

    /// <summary>Applies pending migrations, then seeds reference data and, when <c>Demo:Seed</c> is on, the demo program.</summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
    }
}
