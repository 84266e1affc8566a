using Microsoft.Extensions.Options;

namespace PspPortal.Web.Infrastructure;

/// <summary>Where the portal is published: its public address (<c>App:BaseUrl</c>) and the links made from it.</summary>
public static class HostingExtensions
{
    public static IServiceCollection AddPortalHosting(this IServiceCollection services)
    {
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AppOptions>, AppOptionsValidator>();
        services.AddHttpContextAccessor();
        services.AddSingleton<PublicUrls>();
        return services;
    }
}
