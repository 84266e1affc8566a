using PspPortal.Web.Pages.Milestones;
using Serilog;

namespace PspPortal.Web.Infrastructure;

public static class PipelineExtensions
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapRazorPages();
        app.MapCalendarFeed();
        return app;
    }
}
