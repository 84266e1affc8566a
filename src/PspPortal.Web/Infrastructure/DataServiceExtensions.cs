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

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Portal");

        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                connectionString = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString(environment) : connectionString;
                services.AddDbContext<PortalDbContext, SqlitePortalDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<FiguresStampInterceptor>()));
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Portal is empty.");
                }

                services.AddDbContext<PortalDbContext, SqlServerPortalDbContext>((sp, o) => o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()).AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<FiguresStampInterceptor>()));
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
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        return services;
    }

    /// <summary>The embedded default: a SQLite file in the app's data folder, created on first start.</summary>
    private static string DefaultSqliteConnectionString(IWebHostEnvironment environment)
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
