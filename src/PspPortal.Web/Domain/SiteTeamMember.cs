namespace PspPortal.Web.Domain;

public enum SiteTeamRole
{
    ExecutiveLeadership,
    ProgramOfficeChampion,
    FederalLawEnforcement,
    PointOfContact,
    StrategicSiteLiaison,
    PspAnalyst,
}

/// <summary>A place on a site's team. A member who has a portal account is linked to it, and the link gives that
/// account its scope; federal partners and leaders may be on the team without an account.</summary>
public class SiteTeamMember
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public string? UserId { get; set; }
    public required string FullName { get; set; }
    public SiteTeamRole TeamRole { get; set; }

    /// <summary>Agency or office, such as "ATF", "U.S. Attorney's Office" or "Police Department".</summary>
    public string? Organization { get; set; }

    public string? Title { get; set; }
    public string? Email { get; set; }
}

public static class SiteTeamRoles
{
    public static string DisplayName(SiteTeamRole role) => role switch
    {
        SiteTeamRole.ExecutiveLeadership => "Executive Leadership",
        SiteTeamRole.ProgramOfficeChampion => "DOJ Program Office Champion",
        SiteTeamRole.FederalLawEnforcement => "DOJ Federal Law Enforcement",
        SiteTeamRole.PointOfContact => "Point of Contact",
        SiteTeamRole.StrategicSiteLiaison => "Strategic Site Liaison",
        SiteTeamRole.PspAnalyst => "PSP Analyst",
        _ => role.ToString(),
    };
}
