using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Records every request that the authorization middleware forbids (a signed-in user without the role a page
/// needs) as an AccessDenied security event, then answers as usual.</summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden)
        {
            // The path only: a query string may carry a token.
            var auditor = context.RequestServices.GetRequiredService<SecurityAuditor>();
            await auditor.RecordAsync(SecurityActions.AccessDenied, details: $"{context.Request.Method} {context.Request.Path}", cancellationToken: context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
