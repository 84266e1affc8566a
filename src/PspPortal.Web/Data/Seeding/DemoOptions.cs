namespace PspPortal.Web.Data.Seeding;

/// <summary>The "Demo" configuration section.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";
    public const string DefaultPassword = "Demo-Portal-2026!";

    /// <summary>Create the demo cohorts, sites and accounts at start-up when the database is empty.</summary>
    public bool Seed { get; set; }

    /// <summary>The password of every demo account.</summary>
    public string Password { get; set; } = DefaultPassword;
}
