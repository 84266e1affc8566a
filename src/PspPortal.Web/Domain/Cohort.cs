namespace PspPortal.Web.Domain;

/// <summary>The sites that joined the program in one year (the pilot "Violence Reduction Network" of 2014, the 2017 sites, …).</summary>
public class Cohort
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }
    public string? Description { get; set; }
    public List<Engagement> Engagements { get; } = [];
}
