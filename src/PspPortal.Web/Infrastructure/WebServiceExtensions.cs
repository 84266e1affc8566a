using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Identity;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure.Security;
using PspPortal.Web.Pages.Admin;

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
                options.Password.RequiredLength = 15;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "psp.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
        });

        services.AddAuthorization(Policies.Add);
        services.AddHttpContextAccessor();
        services.AddScoped<SiteScope>();
        services.AddScoped<SecurityAuditor>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();

        // The session store of the accounts work replaces this stand-in (see ISessionTerminator).
        services.TryAddScoped<ISessionTerminator, NoSessionTerminator>();
        services.AddScoped<AccountsNeedingAttentionQuery>();
        return services;
    }

    public static IServiceCollection AddPortalWeb(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.AddValidatorsFromAssemblyContaining<Program>();
        services
            .AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Admin", Policies.AdminArea);
                options.Conventions.AuthorizeFolder("/Admin/Users", Policies.ManageUsers);
                options.Conventions.AuthorizeFolder("/Admin/Audit", Policies.ViewAudit);
                options.Conventions.AuthorizePage("/Sites/Team", Policies.ManageSiteTeams);
                options.Conventions.AllowAnonymousToPage("/Account/SetPassword");
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                options.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddMvcOptions(options =>
        {
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
        services.AddAntiforgery(options => options.Cookie.Name = "psp.antiforgery");
        return services;
    }
}
