namespace PspPortal.Web.Domain;

/// <summary>The system roles, exactly as ASP.NET Core Identity stores them.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string BjaStaff = nameof(BjaStaff);
    public const string Champion = nameof(Champion);
    public const string Liaison = nameof(Liaison);
    public const string Analyst = nameof(Analyst);
    public const string SiteContact = nameof(SiteContact);

    public static IReadOnlyList<string> All { get; } = [Administrator, BjaStaff, Champion, Liaison, Analyst, SiteContact];

    /// <summary>The roles, of <see cref="All"/>, that a user holds, asked through their principal's IsInRole.</summary>
    public static IReadOnlyList<string> HeldBy(Func<string, bool> isInRole)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        return [.. All.Where(isInRole)];
    }

    public static string DisplayName(string role) => role switch
    {
        BjaStaff => "BJA staff",
        Liaison => "Strategic Site Liaison",
        Analyst => "PSP Analyst",
        Champion => "DOJ Program Office Champion",
        SiteContact => "Site point of contact",
        _ => role,
    };
}
