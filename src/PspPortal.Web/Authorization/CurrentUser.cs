using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Authorization;

/// <summary>
/// Who the signed-in user is, worked out once per request: id, roles, the name the history records, and — through
/// <see cref="SiteScope"/> beside it — which sites they see and what they may do there. Pages ask it instead of
/// reading claims, testing roles or querying the user themselves.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor, PortalDbContext db, SiteScope siteScope)
{
    private IReadOnlyList<string>? _roles;
    private Actor? _actor;

    private ClaimsPrincipal Principal => httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>The account's id, or null for an anonymous request.</summary>
    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The system roles the user holds.</summary>
    public IReadOnlyList<string> Roles => _roles ??= Domain.Roles.HeldBy(Principal.IsInRole);

    /// <summary>The user as a history records them: id and full name (the email when the account has no name).</summary>
    public async Task<Actor> ActorAsync(CancellationToken cancellationToken = default)
    {
        if (_actor is null)
        {
            var id = Id;
            var name = id is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken);
            _actor = new Actor(id, name ?? Principal.Identity?.Name ?? "Unknown");
        }

        return _actor;
    }

    /// <summary>True when the user's scope is every site (administrators and BJA staff).</summary>
    public async Task<bool> SeesEverySiteAsync(CancellationToken cancellationToken = default) =>
        (await siteScope.CurrentAsync(cancellationToken)).AllSites;

    /// <summary>The actions the user may take on a request of <paramref name="siteId"/> in its present status.</summary>
    public async Task<IReadOnlyList<TtaAction>> AllowedActionsAsync(int siteId, TtaStatus status, CancellationToken cancellationToken = default) =>
        TtaPermissions.AllowedActions(status, [.. Roles], await InScopeAsync(siteId, cancellationToken));

    public async Task<bool> MayTakeAsync(TtaAction action, int siteId, CancellationToken cancellationToken = default) =>
        TtaPermissions.MayTake(action, [.. Roles], await InScopeAsync(siteId, cancellationToken));

    public async Task<bool> MayCommentAsync(int siteId, CancellationToken cancellationToken = default) =>
        TtaPermissions.MayComment([.. Roles], await InScopeAsync(siteId, cancellationToken));

    public bool MaySubmitRequests => TtaPermissions.MaySubmit([.. Roles]);

    private async Task<bool> InScopeAsync(int siteId, CancellationToken cancellationToken) =>
        (await siteScope.CurrentAsync(cancellationToken)).Includes(siteId);
}
