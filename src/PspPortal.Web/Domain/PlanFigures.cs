using System.Linq.Expressions;

namespace PspPortal.Web.Domain;

/// <summary>The one definition of a plan's implementation figures, as expressions the database counts with and C# can
/// compile alike.
/// <list type="bullet">
/// <item>strategies implemented: of the plan's strategies that are not dropped, those Implemented (a dropped strategy
/// is no longer part of the plan, so it counts neither way);</item>
/// <item>recommendations addressed: of the assessment's recommendations that were not set aside (Not adopted), those
/// Addressed;</item>
/// <item>requests delivered per strategy: of the TTA requests linked to the strategy that are still wanted (not
/// declined or withdrawn), those Delivered or Closed.</item>
/// </list></summary>
public static class PlanFigures
{
    public static Expression<Func<PlanStrategy, bool>> CountedStrategy { get; } = s => s.Status != StrategyStatus.Dropped;

    public static Expression<Func<PlanStrategy, bool>> ImplementedStrategy { get; } = s => s.Status == StrategyStatus.Implemented;

    public static Expression<Func<Recommendation, bool>> CountedRecommendation { get; } = r => r.Status != RecommendationStatus.NotAdopted;

    public static Expression<Func<Recommendation, bool>> AddressedRecommendation { get; } = r => r.Status == RecommendationStatus.Addressed;

    public static Expression<Func<TtaRequest, bool>> CountedRequest { get; } =
        r => r.Status != TtaStatus.Declined && r.Status != TtaStatus.Withdrawn;

    public static Expression<Func<TtaRequest, bool>> DeliveredRequest { get; } =
        r => r.Status == TtaStatus.Delivered || r.Status == TtaStatus.Closed;
}

/// <summary>Counted plan figures of an engagement (or a site's current one).</summary>
public readonly record struct PlanCounts(int Strategies, int Implemented, int Recommendations, int Addressed, int Requests, int Delivered)
{
    public static PlanCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>The plan's implementation: share of its strategies Implemented; null when it has none.</summary>
    public int? ImplementedPercent => MilestoneFigures.Percent(Implemented, Strategies);

    public int? AddressedPercent => MilestoneFigures.Percent(Addressed, Recommendations);

    public int? DeliveredPercent => MilestoneFigures.Percent(Delivered, Requests);
}

/// <summary>What a user may do with a site's assessment and plan.</summary>
public enum PlanAccess
{
    /// <summary>The site is outside the user's scope: its plan does not exist for them.</summary>
    None,

    /// <summary>See it (champions, analysts, administrators).</summary>
    Read,

    /// <summary>See it and add progress notes to its strategies (the site's own points of contact).</summary>
    Notes,

    /// <summary>Write it: assessment, recommendations, goals, strategies, links, notes (the site's liaison, BJA staff).</summary>
    Write,
}

/// <summary>The one answer to "who may write a plan" (PRODUCT: plans are written by the site's Liaison and BJA staff;
/// site contacts may add progress notes to their own site's strategies) and "who may enter grants" (BJA staff).</summary>
public static class PlanPermissions
{
    public static PlanAccess For(IEnumerable<string> roles, AccessScope scope, int siteId)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Includes(siteId))
        {
            return PlanAccess.None;
        }

        var held = roles.ToHashSet(StringComparer.Ordinal);
        return held.Contains(Roles.BjaStaff) || held.Contains(Roles.Liaison) ? PlanAccess.Write
            : held.Contains(Roles.SiteContact) ? PlanAccess.Notes
            : PlanAccess.Read;
    }

    public static bool CanWrite(this PlanAccess access) => access == PlanAccess.Write;

    public static bool CanAddNotes(this PlanAccess access) => access is PlanAccess.Write or PlanAccess.Notes;

    /// <summary>Capacity-building grants are entered and kept by BJA staff.</summary>
    public static bool MayEnterGrants(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Contains(Roles.BjaStaff, StringComparer.Ordinal);
    }
}
