using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Infrastructure.Security;

namespace PspPortal.Web.Infrastructure;

public static class WebServiceExtensions
{
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services
            .AddIdentity<PortalUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserStore<PortalUserStore>()
            .AddDefaultTokenProviders()
            .AddNistPasswordPolicy<PortalUser>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            // Cookie name, flags, time-outs and the server-side session store: Security/AccountSecurityExtensions.

            // The cookie handler builds these redirects as absolute addresses from the request's scheme and Host
            // header; they are moved onto the public address (App:BaseUrl) like every other absolute link.
            var toLogin = options.Events.OnRedirectToLogin;
            var toAccessDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToLogin = context => toLogin(OnPublicAddress(context));
            options.Events.OnRedirectToAccessDenied = context => toAccessDenied(OnPublicAddress(context));
        });

        services.AddAuthorization(Policies.Add);
        services.AddHttpContextAccessor();
        services.AddScoped<SiteScope>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<SecurityAuditor>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services;
    }

    private static RedirectContext<CookieAuthenticationOptions> OnPublicAddress(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.RedirectUri = context.HttpContext.RequestServices.GetRequiredService<PublicUrls>().Rebase(context.RedirectUri, context.Request);
        return context;
    }

    public static IServiceCollection AddPortalWeb(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ReferenceNumbers>();
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        // Singletons: a validator is stateless once built, and building one compiles an expression per rule (on
        // /Tta/{id}, where the page takes two, that was 18% of the CPU of every request; docs/performance.md, round 2).
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        services
            .AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Admin", Policies.AdminArea);
                options.Conventions.AuthorizeFolder("/Admin/Users", Policies.ManageUsers);
                options.Conventions.AuthorizeFolder("/Admin/Audit", Policies.ViewAudit);
                options.Conventions.AuthorizePage("/Sites/Team", Policies.ManageSiteTeams);
            })
            .AddMvcOptions(options =>
        {
            // Refusals made inside page handlers (403, Forbid, 404 out of scope) are security events.
            options.Filters.Add<RefusalAuditFilter>();

            // FluentValidation owns the messages: no implicit "The X field is required." from model binding.
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => "Enter a valid value.");
            messages.SetValueMustNotBeNullAccessor(_ => "Enter a value.");
            messages.SetValueIsInvalidAccessor(_ => "Enter a valid value.");
            messages.SetValueMustBeANumberAccessor(_ => "Enter a number.");
            messages.SetMissingBindRequiredValueAccessor(_ => "Enter a value.");
            messages.SetUnknownValueIsInvalidAccessor(_ => "Enter a valid value.");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "Enter a valid value.");
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Enter a valid value.");
            messages.SetNonPropertyValueMustBeANumberAccessor(() => "Enter a number.");
        });
        services.AddAntiforgery();
        return services;
    }
}
