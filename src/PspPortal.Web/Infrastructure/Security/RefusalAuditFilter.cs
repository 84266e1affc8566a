using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Marks a page that explains a refusal (the error and access-denied pages): its own 403 or 404 is the
/// answer to a refusal already recorded, not a new one.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ExplainsRefusalAttribute : Attribute;

/// <summary>Records, in one place, every refusal a page handler makes itself: <see cref="SecurityActions.AccessDenied"/>
/// for Forbid() or a 403 page (an action the user's role may not take), <see cref="SecurityActions.NotFoundOrOutOfScope"/>
/// for a 404 to a signed-in user (a record that does not exist or is out of their scope, which look the same to them,
/// ADR 0004). The refusals of the authorization middleware are recorded by <see cref="AuditingAuthorizationResultHandler"/>
/// and never reach a page. Details hold the method and path only: a query string may carry a secret.
/// The event is written before the result runs, so it is stored by the time the answer leaves, and by a context of its
/// own, so that it never saves anything the handler left unsaved.</summary>
public sealed class RefusalAuditFilter(IServiceScopeFactory scopes) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (ActionFor(context) is { } action)
        {
            var request = context.HttpContext.Request;
            await using var scope = scopes.CreateAsyncScope();
            var auditor = scope.ServiceProvider.GetRequiredService<SecurityAuditor>();
            // Not the request's token: a refusal is recorded even if the client has gone.
            await auditor.RecordAsync(action, details: $"{request.Method} {request.Path}", cancellationToken: CancellationToken.None);
        }

        await next();
    }

    private static string? ActionFor(ResultExecutingContext context)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerFeature>() is not null
            || http.GetEndpoint()?.Metadata.GetMetadata<ExplainsRefusalAttribute>() is not null)
        {
            return null;
        }

        if (context.Result is ForbidResult)
        {
            return SecurityActions.AccessDenied;
        }

        var status = context.Result switch
        {
            PageResult { StatusCode: { } code } => code,
            IStatusCodeActionResult { StatusCode: { } code } => code,
            _ => http.Response.StatusCode,
        };
        return status switch
        {
            StatusCodes.Status403Forbidden => SecurityActions.AccessDenied,
            StatusCodes.Status404NotFound when http.User.Identity?.IsAuthenticated == true => SecurityActions.NotFoundOrOutOfScope,
            _ => null,
        };
    }
}
