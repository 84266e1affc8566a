using PspPortal.Web.Infrastructure.Security;
using PspPortal.Web.Pages.Milestones;
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
            // A calendar feed's path is its secret: keep it out of the logs at the usual levels.
            var standard = options.GetLevel;
            options.GetLevel = (context, elapsed, exception) =>
                context.Request.Path.StartsWithSegments(CalendarFeed.PathPrefix, StringComparison.OrdinalIgnoreCase) && exception is null && context.Response.StatusCode < 500
                    ? LogEventLevel.Verbose
                    : standard(context, elapsed, exception);
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UsePortalSignInRateLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortalTwoFactorRequirement();

        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapRazorPages();
        app.MapCalendarFeed();
        return app;
    }
}
