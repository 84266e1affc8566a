namespace PspPortal.Web.Domain;

/// <summary>What a user may do with the milestones of a site.</summary>
public enum MilestoneAccess
{
    /// <summary>The site is outside the user's scope: its milestones do not exist for them.</summary>
    None,

    /// <summary>See the timeline, change nothing (site contacts, champions, administrators).</summary>
    Read,

    /// <summary>See the timeline and keep its notes (PSP analysts).</summary>
    Notes,

    /// <summary>Add, complete, reschedule and defer milestones, and keep notes (liaisons in scope, BJA staff).</summary>
    Change,
}

/// <summary>The one answer to "who may change milestones": BJA staff for every site, a Strategic Site Liaison for
/// the sites in their scope; a PSP Analyst keeps notes only; everyone else who may see the site reads it.</summary>
public static class MilestonePermissions
{
    public static MilestoneAccess For(IEnumerable<string> roles, AccessScope scope, int siteId)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Includes(siteId))
        {
            return MilestoneAccess.None;
        }

        var held = roles.ToHashSet(StringComparer.Ordinal);
        return held.Contains(Roles.BjaStaff) || held.Contains(Roles.Liaison) ? MilestoneAccess.Change
            : held.Contains(Roles.Analyst) ? MilestoneAccess.Notes
            : MilestoneAccess.Read;
    }

    public static bool CanChange(this MilestoneAccess access) => access == MilestoneAccess.Change;

    public static bool CanKeepNotes(this MilestoneAccess access) => access is MilestoneAccess.Change or MilestoneAccess.Notes;
}
