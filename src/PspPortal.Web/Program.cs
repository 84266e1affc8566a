using PspPortal.Web.Infrastructure;
using PspPortal.Web.Infrastructure.Logging;
using PspPortal.Web.Infrastructure.Scheduling;
using PspPortal.Web.Infrastructure.Security;
using PspPortal.Web.Pages.Api;
using PspPortal.Web.Pages.Milestones;
using PspPortal.Web.Pages.Shared;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// No "Server: Kestrel" header: it tells an attacker nothing useful to us. Request size limits: Infrastructure/RequestLimits.
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    RequestLimits.Apply(kestrel);
});

// The app's own logger, not the static Log.Logger (preserveStaticLogger), so that every host writes to its own
// sinks. The redactor comes last, after every enricher that adds properties, so that no event leaves with a calendar
// feed's secret path in it.
builder.Services.AddSerilog(
    (services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .Enrich.With<SecretPathRedactor>(),
    preserveStaticLogger: true);

builder.Services
    .AddPortalHosting()
    .AddPortalData(builder.Configuration, builder.Environment)
    .AddPortalIdentity()
    .AddPortalAccountSecurity(builder.Environment)
    .AddPortalDataProtection(builder.Configuration, builder.Environment)
    .AddPortalWeb()
    .AddPortalPageServices()
    .AddPortalApi()
    .AddPortalRequestLimits()
    .AddPortalNotifications(builder.Configuration, builder.Environment);

var app = builder.Build();

if (PortalCommands.IsCommand(args))
{
    return await PortalCommands.RunAsync(app, args);
}

// Development creates and migrates its SQLite file and seeds demo data; production runs the `migrate` verb instead.
if (app.Services.GetRequiredService<PspPortal.Web.Data.DatabaseOptions>().MigrateOnStartup)
{
    await app.Services.MigrateAndSeedAsync();
}

app.UsePortalPipeline();

// Endpoints a feature maps itself, beside the Razor Pages (Infrastructure does not know the features).
app.MapCalendarFeed();
app.MapPortalApi();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
