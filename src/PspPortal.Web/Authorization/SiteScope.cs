using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Authorization;

/// <summary>The one place that answers "which sites may this user see?". Every scoped query goes through it;
/// the answer is worked out once per request.</summary>
public sealed class SiteScope(PortalDbContext db, IHttpContextAccessor httpContextAccessor)
{
    private AccessScope? _current;

    public async Task<AccessScope> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (_current is not null)
        {
            return _current;
        }

        var user = httpContextAccessor.HttpContext?.User;
        _current = user is null ? AccessScope.Nothing : await ForAsync(user, cancellationToken);
        return _current;
    }

    /// <summary>True when the site exists and is in the signed-in user's scope.</summary>
    public async Task<bool> CanSeeSiteAsync(int siteId, CancellationToken cancellationToken = default)
    {
        var scope = await CurrentAsync(cancellationToken);
        return await db.Sites.AsNoTracking().InScope(scope).AnyAsync(s => s.Id == siteId, cancellationToken);
    }

    /// <summary>True when the cohort has an engagement of a site in the signed-in user's scope: the cohorts that
    /// /Cohorts lists to them.</summary>
    public async Task<bool> CanSeeCohortAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var scope = await CurrentAsync(cancellationToken);
        return await db.Engagements.AsNoTracking().InScope(scope).AnyAsync(e => e.CohortId == cohortId, cancellationToken);
    }

    /// <summary>Whether a list's filters name only a site and a cohort the user may see. A list filtered by any other
    /// answers 404, exactly as a record out of scope does (ADR 0004), so that a filter cannot tell whether a site or
    /// cohort exists. A value that is not an id at all (zero or less) is the caller's to ignore, like one that does
    /// not parse.</summary>
    public async Task<bool> FiltersInScopeAsync(int? siteId, int? cohortId, CancellationToken cancellationToken = default) =>
        (siteId is not { } site || await CanSeeSiteAsync(site, cancellationToken))
        && (cohortId is not { } cohort || await CanSeeCohortAsync(cohort, cancellationToken));

    /// <summary>What the signed-in user may do with the milestones of a site (<see cref="MilestonePermissions"/>).</summary>
    public async Task<MilestoneAccess> MilestoneAccessAsync(int siteId, CancellationToken cancellationToken = default)
    {
        var scope = await CurrentAsync(cancellationToken);
        var user = httpContextAccessor.HttpContext?.User;
        var roles = user is null ? [] : Roles.HeldBy(user.IsInRole);
        return MilestonePermissions.For(roles, scope, siteId);
    }

    /// <summary>What the signed-in user may do with the assessment and plan of a site (<see cref="PlanPermissions"/>).</summary>
    public async Task<PlanAccess> PlanAccessAsync(int siteId, CancellationToken cancellationToken = default)
    {
        var scope = await CurrentAsync(cancellationToken);
        var user = httpContextAccessor.HttpContext?.User;
        var roles = user is null ? [] : Roles.HeldBy(user.IsInRole);
        return PlanPermissions.For(roles, scope, siteId);
    }

    /// <summary>The scope of a user who is not the one signed in (the owner of a calendar feed link).</summary>
    public async Task<AccessScope> ForUserIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        var roles = await db.UserRoles.AsNoTracking()
            .Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        return AccessScope.For(roles, await TeamSiteIdsAsync(userId, cancellationToken));
    }

    public async Task<AccessScope> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return AccessScope.Nothing;
        }

        var roles = Roles.HeldBy(user.IsInRole);
        if (roles.Contains(Roles.Administrator) || roles.Contains(Roles.BjaStaff))
        {
            return AccessScope.Everything;
        }

        return AccessScope.For(roles, await TeamSiteIdsAsync(userId, cancellationToken));
    }

    /// <summary>The sites whose teams the account has a place on: what gives site-bound roles their scope.</summary>
    private Task<List<int>> TeamSiteIdsAsync(string userId, CancellationToken cancellationToken) =>
        db.SiteTeamMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => m.SiteId)
            .Distinct()
            .ToListAsync(cancellationToken);
}

/// <summary>Query filters that keep every list inside the user's scope.</summary>
public static class ScopeQueryExtensions
{
    public static IQueryable<Site> InScope(this IQueryable<Site> sites, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.AllSites ? sites : sites.Where(s => scope.SiteIds.Contains(s.Id));
    }

    public static IQueryable<TtaRequest> InScope(this IQueryable<TtaRequest> requests, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.AllSites ? requests : requests.Where(r => scope.SiteIds.Contains(r.SiteId));
    }

    public static IQueryable<Engagement> InScope(this IQueryable<Engagement> engagements, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.AllSites ? engagements : engagements.Where(e => scope.SiteIds.Contains(e.SiteId));
    }

    public static IQueryable<CapacityGrant> InScope(this IQueryable<CapacityGrant> grants, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.AllSites ? grants : grants.Where(g => scope.SiteIds.Contains(g.SiteId));
    }

    public static IQueryable<PlanStrategy> InScope(this IQueryable<PlanStrategy> strategies, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.AllSites ? strategies : strategies.Where(s => scope.SiteIds.Contains(s.Goal!.Engagement!.SiteId));
    }

    public static IQueryable<EngagementMilestone> InScope(this IQueryable<EngagementMilestone> milestones, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.AllSites ? milestones : milestones.Where(m => scope.SiteIds.Contains(m.Engagement!.SiteId));
    }
}
