namespace PspPortal.Web.Domain;

/// <summary>The sites a user may see: every site for administrators and BJA staff, otherwise the sites whose team they are on.</summary>
public sealed class AccessScope
{
    private readonly HashSet<int> _siteIds;

    private AccessScope(bool allSites, IEnumerable<int> siteIds)
    {
        AllSites = allSites;
        _siteIds = [.. siteIds];
    }

    public static AccessScope Everything { get; } = new(true, []);
    public static AccessScope Nothing { get; } = new(false, []);

    public bool AllSites { get; }

    /// <summary>The sites of the user's teams; empty (and unused) when <see cref="AllSites"/> is true.</summary>
    public IReadOnlyCollection<int> SiteIds => _siteIds;

    public bool Includes(int siteId) => AllSites || _siteIds.Contains(siteId);

    /// <param name="roles">the user's system roles</param>
    /// <param name="teamSiteIds">the sites whose team the user is on</param>
    public static AccessScope For(IEnumerable<string> roles, IEnumerable<int> teamSiteIds)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(teamSiteIds);
        return roles.Any(r => r is Roles.Administrator or Roles.BjaStaff)
            ? Everything
            : new AccessScope(false, teamSiteIds);
    }
}
