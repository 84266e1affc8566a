using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PspPortal.Web.Data;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>
/// A signed-in member of a role in <c>Security:RequireTwoFactorForRoles</c> who has not turned on two-factor
/// authentication is sent to <c>/Account/Manage</c> to set it up, and can reach nothing else until then (except
/// signing out and the error page).
/// </summary>
public sealed class TwoFactorRequirement(RequestDelegate next)
{
    public const string SetUpPath = "/Account/Manage";

    private static readonly string[] AllowedPaths = [SetUpPath, "/Account/Logout", "/Account/Login", "/Account/AccessDenied", "/Error", "/healthz"];

    public async Task InvokeAsync(HttpContext context, UserManager<PortalUser> users)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(users);
        if (context.User.Identity?.IsAuthenticated == true
            && !AllowedPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && await MustSetUpAsync(context, users))
        {
            // A script cannot set anything up: the API (/api/v1, token only) answers 403 instead of redirecting.
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Two-factor authentication is required.",
                    detail: "Your role requires two-factor authentication. Turn it on at /Account/Manage; your tokens work again from then on.").ExecuteAsync(context);
                return;
            }

            context.Response.Redirect($"{SetUpPath}#two-factor");
            return;
        }

        await next(context);
    }

    /// <summary>Whether the signed-in user is in a role that requires two-factor authentication and has not turned it on.</summary>
    public static async Task<bool> MustSetUpAsync(HttpContext context, UserManager<PortalUser> users)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(users);
        if (!IsRequiredFor(context))
        {
            return false;
        }

        var user = await users.GetUserAsync(context.User);
        return user is not null && !user.TwoFactorEnabled;
    }

    /// <summary>Whether the signed-in user's roles require two-factor authentication.</summary>
    public static bool IsRequiredFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var roles = context.RequestServices.GetRequiredService<IOptionsMonitor<AccountSecurityOptions>>().CurrentValue.RequireTwoFactorForRoles;
        return roles.Any(context.User.IsInRole);
    }
}
