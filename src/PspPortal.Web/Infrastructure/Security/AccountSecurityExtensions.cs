using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PspPortal.Web.Data;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Account protection: lockout, sign-in rate limit, one-time authenticator codes, server-side sessions
/// with idle and absolute time-outs, and the cookie settings. Call after <c>AddPortalIdentity</c>.</summary>
public static class AccountSecurityExtensions
{
    /// <summary>The limiter policy on the posts of the sign-in pages and of the account page: a few attempts from one
    /// client address are checked at a time and the rest wait in line (see <see cref="SignInThrottle"/>).</summary>
    public const string SignInRateLimitPolicy = "sign-in";

    public static IServiceCollection AddPortalAccountSecurity(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<AccountSecurityOptions>()
            .BindConfiguration(AccountSecurityOptions.SectionName)
            .Validate(o => o.Lockout.MaxFailedAttempts > 0 && o.Lockout.LockoutMinutes > 0, "Security:Lockout needs positive values.")
            .Validate(o => o.SignInThrottle.FreeFailuresPerAccount >= 0 && o.SignInThrottle.FreeFailuresPerAddress >= 0
                && o.SignInThrottle.Window > TimeSpan.Zero && o.SignInThrottle.FirstDelay >= TimeSpan.Zero && o.SignInThrottle.MaxDelay >= o.SignInThrottle.FirstDelay
                && o.SignInThrottle.ConcurrentAttemptsPerAddress > 0 && o.SignInThrottle.QueuedAttemptsPerAddress >= 0,
                "Security:SignInThrottle needs a positive window and concurrency, and a MaxDelay at least FirstDelay.")
            .Validate(o => o.Sessions.IdleMinutes > 0 && o.Sessions.AbsoluteHours > 0, "Security:Sessions needs positive values.")
            .ValidateOnStart();

        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountSecurityOptions>>((identity, security) =>
        {
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = security.Value.Lockout.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.Value.Lockout.LockoutMinutes);
            identity.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.ProviderName;
        });
        services.Configure<IdentityOptions>(identity =>
            identity.Tokens.ProviderMap[OneTimeAuthenticatorTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(OneTimeAuthenticatorTokenProvider)));
        services.AddTransient<OneTimeAuthenticatorTokenProvider>();
        services.AddScoped<SignInManager<PortalUser>, PortalSignInManager>();
        services.AddScoped(sp => (PortalSignInManager)sp.GetRequiredService<SignInManager<PortalUser>>());
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<Reauthentication>();

        // The security stamp (changed by a password change, 2FA changes) is checked against the database often.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, UseDatabaseTicketStore>();
        services.AddScoped<UserSessions>();
        services.AddScoped<ISessionTerminator>(sp => sp.GetRequiredService<UserSessions>());

        // Cookies: HttpOnly, SameSite=Lax, and in production Secure with the __Host- prefix (no Domain, Path=/).
        var production = !environment.IsDevelopment();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AccountSecurityOptions>>((cookie, security) =>
        {
            cookie.Cookie.Name = production ? "__Host-psp.session" : "psp.session";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(security.Value.Sessions.IdleMinutes);
            cookie.SlidingExpiration = true;
            Harden(cookie.Cookie, production);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = production ? "__Host-psp.2fa" : "psp.2fa";
            Harden(cookie.Cookie, production);
        });
        services.Configure<AntiforgeryOptions>(antiforgery =>
        {
            antiforgery.Cookie.Name = production ? "__Host-psp.antiforgery" : "psp.antiforgery";
            Harden(antiforgery.Cookie, production);
        });

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimitPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                // Correct sign-ins are never refused: attempts only wait for one of the address's places, and only an
                // address with hundreds of attempts in flight at once is turned away.
                var settings = context.RequestServices.GetRequiredService<IOptions<AccountSecurityOptions>>().Value.SignInThrottle;
                return RateLimitPartition.GetConcurrencyLimiter(SignInThrottle.AddressKey(context), _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = settings.ConcurrentAttemptsPerAddress,
                    QueueLimit = settings.QueuedAttemptsPerAddress,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(TooManyRequestsPage, cancellationToken);
            };
        });

        return services;
    }

    /// <summary>Adds the sign-in rate limiter; call after <c>UseRouting</c>.</summary>
    public static WebApplication UsePortalSignInRateLimit(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Sends members of roles that require two-factor authentication to set it up; call after <c>UseAuthorization</c>.</summary>
    public static WebApplication UsePortalTwoFactorRequirement(this WebApplication app)
    {
        app.UseMiddleware<TwoFactorRequirement>();
        return app;
    }

    private static void Harden(CookieBuilder cookie, bool production)
    {
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }

    private static readonly string TooManyRequestsPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many sign-in attempts | PSP Portal</title></head>
        <body>
        <main>
        <h1>Too many sign-in attempts</h1>
        <p>There are too many sign-in attempts from your network at this moment. Wait a minute, then <a href="/Account/Login">try again</a>.</p>
        </main>
        </body>
        </html>
        """;
}
