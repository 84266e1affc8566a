namespace PspPortal.Web.Domain;

/// <summary>A jurisdiction taking part in PSP, with its engagements over the years and its site team.</summary>
public class Site
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Two-letter USPS state code.</summary>
    public required string State { get; set; }

    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public int? Population { get; set; }

    public List<Engagement> Engagements { get; } = [];
    public List<SiteTeamMember> TeamMembers { get; } = [];
    public List<TtaRequest> TtaRequests { get; } = [];

    public string DisplayName => $"{Name}, {State}";
}
