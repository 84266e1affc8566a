using PspPortal.Web.Infrastructure.Logging;
using PspPortal.Web.Infrastructure.Security;
using Serilog;
using Serilog.Events;

namespace PspPortal.Web.Infrastructure;

public static class PipelineExtensions
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Host filtering (AllowedHosts) runs before this, added by the web host itself.
        app.UsePortalProxyAndHttps();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger (Program.cs), not the static one.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();

            // A calendar feed's path is its secret: the request log names it "/Calendar/(secret).ics" at the source
            // (SecretPathRedactor also rewrites every other event that carries it).
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(SecretPathRedactor.Redact(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];

            // Who asked (the account id, never a name or a secret) and which page or endpoint answered.
            options.EnrichDiagnosticContext = RequestLogEnricher.Enrich;

            // Calendar apps poll their feed every hour: successful polls are routine, not news.
            var standard = options.GetLevel;
            options.GetLevel = (context, elapsed, exception) =>
                context.Request.Path.StartsWithSegments(SecretPathRedactor.FeedPathPrefix, StringComparison.OrdinalIgnoreCase) && exception is null && context.Response.StatusCode < 500
                    ? LogEventLevel.Verbose
                    : standard(context, elapsed, exception);
        });
        // After the request log, so that it records the 499 of a client gone and the 503 of a database away; before
        // everything that reads the database (the session store, the pages).
        app.UseMiddleware<ClientGoneMiddleware>();
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UsePortalSignInRateLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortalTwoFactorRequirement();
        app.UsePortalRequestLimits();

        app.MapPortalHealthChecks();
        app.MapRazorPages();
        return app;
    }
}
