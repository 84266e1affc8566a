namespace PspPortal.Web.Domain;

/// <summary>
/// Who may do what with a TTA request, from the capability table of the product specification: site staff and
/// liaisons submit, respond and withdraw for a site in their scope; BJA staff (every site) and liaisons (their sites)
/// review, decide, schedule, record delivery and close; everyone but the administrator comments within their scope.
/// </summary>
public static class TtaPermissions
{
    /// <param name="action">the workflow action</param>
    /// <param name="roles">the user's system roles</param>
    /// <param name="siteInScope">whether the request's site is in the user's scope</param>
    public static bool MayTake(TtaAction action, IReadOnlyCollection<string> roles, bool siteInScope)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return TtaWorkflow.PartyFor(action) switch
        {
            TtaParty.Requester => siteInScope && (roles.Contains(Roles.SiteContact) || roles.Contains(Roles.Liaison)),
            _ => roles.Contains(Roles.BjaStaff) || (siteInScope && roles.Contains(Roles.Liaison)),
        };
    }

    /// <summary>The actions a user may take on a request in its present state, in workflow order.</summary>
    public static IReadOnlyList<TtaAction> AllowedActions(TtaStatus status, IReadOnlyCollection<string> roles, bool siteInScope) =>
        [.. TtaWorkflow.ActionsFrom(status).Where(a => MayTake(a, roles, siteInScope)).Order()];

    /// <summary>Who may create requests for a site in their scope.</summary>
    public static bool MaySubmit(IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Contains(Roles.SiteContact) || roles.Contains(Roles.Liaison);
    }

    public static bool MayComment(IReadOnlyCollection<string> roles, bool siteInScope)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return siteInScope && roles.Any(r => r is Roles.BjaStaff or Roles.Champion or Roles.Liaison or Roles.Analyst or Roles.SiteContact);
    }
}
