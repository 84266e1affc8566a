using PspPortal.Web.Data;
using PspPortal.Web.Infrastructure.Mail;
using Quartz;

namespace PspPortal.Web.Infrastructure.Scheduling;

/// <summary>The "Scheduler" configuration section.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>Off in the tests, which run the jobs' services directly.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Quartz cron expressions, in UTC.</summary>
    public string DigestCron { get; set; } = "0 0 11 * * ?";

    public string RemindersCron { get; set; } = "0 0 10 * * ?";
}

/// <summary>Mail, digests and reminders, and the Quartz.NET scheduler that runs them on every instance: on SQL Server
/// with its ADO job store in clustered mode so that each firing runs on one instance only; on SQLite in memory
/// (docs/adr/0013).</summary>
public static class SchedulingExtensions
{
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.SectionName))
            .Validate(
                mail => environment.IsDevelopment() || !string.IsNullOrWhiteSpace(mail.Smtp.Host) || !string.IsNullOrWhiteSpace(mail.PickupDirectory),
                $"Mail:Smtp:Host (the SMTP server) or Mail:PickupDirectory (a folder for .eml files) is required in the {environment.EnvironmentName} environment: without either, the portal's mail would be written where nobody reads it.")
            .ValidateOnStart();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<MailTransport>();
        services.AddScoped<MailComposer>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<DailyDigest>();
        services.AddScoped<MilestoneReminders>();

        var scheduler = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        if (!scheduler.Enabled)
        {
            return services;
        }

        var database = DatabaseOptions.Read(configuration, migrateOnStartupByDefault: environment.IsDevelopment());
        services.AddQuartz(q =>
        {
            // SQL Server: Quartz's ADO job store in clustered mode, so each firing runs on one instance of the cluster.
            // SQLite: Quartz refuses clustering on SQLite ("cannot be used as clustered mode due to locking problems"),
            // so each instance schedules in memory; once-only is then the work's own: the outbox's atomic claim and the
            // unique keys of digests and reminders (docs/adr/0013).
            if (database.Provider == DatabaseProvider.SqlServer)
            {
                q.UsePersistentStore(store =>
                {
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(15));
                    store.UseSqlServer(database.ConnectionString!);
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            q.ScheduleJob<OutboxDeliveryJob>(t => t.WithIdentity("outbox-delivery").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(scheduler.OutboxInterval).RepeatForever()),
                j => j.WithIdentity("outbox-delivery"));
            q.ScheduleJob<DailyDigestJob>(t => t.WithIdentity("daily-digest").WithCronSchedule(scheduler.DigestCron, c => c.InTimeZone(TimeZoneInfo.Utc)),
                j => j.WithIdentity("daily-digest"));
            q.ScheduleJob<MilestoneRemindersJob>(t => t.WithIdentity("milestone-reminders").WithCronSchedule(scheduler.RemindersCron, c => c.InTimeZone(TimeZoneInfo.Utc)),
                j => j.WithIdentity("milestone-reminders"));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>Sends the outbox's due mail; one run at a time on the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxDeliveryJob(OutboxDelivery delivery) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => new(delivery.DeliverDueAsync(cancellationToken));
}

/// <summary>Queues yesterday's digests (the program's day, as the pages count it).</summary>
[DisallowConcurrentExecution]
public sealed class DailyDigestJob(DailyDigest digest, PspPortal.Web.Domain.ServiceClock serviceClock, TimeProvider clock) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        new(digest.QueueAsync(serviceClock.Today(clock).AddDays(-1), cancellationToken));
}

/// <summary>Adds today's due-soon and overdue milestone reminders (the program's day, as the pages count it).</summary>
[DisallowConcurrentExecution]
public sealed class MilestoneRemindersJob(MilestoneReminders reminders, PspPortal.Web.Domain.ServiceClock serviceClock, TimeProvider clock) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        new(reminders.RemindAsync(serviceClock.Today(clock), cancellationToken));
}
