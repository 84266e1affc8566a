using System.Diagnostics.CodeAnalysis;

// Razor Pages looks for shared partials and layouts in Pages/Shared, and the namespace follows the folder. "Shared" is a
// Visual Basic keyword, which matters only to a library used from Visual Basic; this web application is not one.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:PspPortal.Web.Pages.Shared", Justification = "The folder name is Razor's convention.")]

namespace PspPortal.Web.Pages.Shared;

public static class SharedServiceExtensions
{
    /// <summary>The queries and services that more than one feature uses, registered here beside them (Program.cs calls
    /// this), so that Infrastructure never needs to know the pages.</summary>
    public static IServiceCollection AddPortalPageServices(this IServiceCollection services)
    {
        services.AddSingleton<ProgramFigures>();
        services.AddScoped<SiteQueries>();
        services.AddScoped<CohortQueries>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<AccountsNeedingAttentionQuery>();
        services.AddScoped<SiteTeams>();
        services.AddScoped<PlanQueries>();
        services.AddScoped<PeerExchangeInvitations>();
        return services;
    }
}
