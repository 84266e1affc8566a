using PspPortal.Web.Infrastructure.Security;
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

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UseRouting();
        app.UsePortalSignInRateLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortalTwoFactorRequirement();

        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
