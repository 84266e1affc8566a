using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Seeding;

/// <summary>The seven demo accounts of the product specification and the team places that give them their scope.</summary>
internal static class DemoAccounts
{
    internal sealed record Account(string Email, string FullName, string Role, SiteTeamRole? TeamRole, string? Organization, IReadOnlyList<(string Name, string State)> Sites);

    public static IReadOnlyList<Account> All { get; } =
    [
        new("admin@psp.example", "Jordan Ellis", Roles.Administrator, null, "Bureau of Justice Assistance", []),
        new("bja@psp.example", "Morgan Reyes", Roles.BjaStaff, null, "Bureau of Justice Assistance", []),
        new("champion@psp.example", "Dana Whitfield", Roles.Champion, SiteTeamRole.ProgramOfficeChampion, "Office of Community Oriented Policing Services",
            [("Tampa", "FL"), ("Pueblo", "CO"), ("Minneapolis", "MN")]),
        new("liaison@psp.example", "Chris Okafor", Roles.Liaison, SiteTeamRole.StrategicSiteLiaison, "PSP Strategic Site Liaison",
            [("Tampa", "FL"), ("Seattle", "WA"), ("Knoxville", "TN"), ("Albuquerque", "NM")]),
        new("analyst@psp.example", "Priya Raman", Roles.Analyst, SiteTeamRole.PspAnalyst, "PSP TTA provider",
            [("Tampa", "FL"), ("Seattle", "WA")]),
        new("poc@psp.example", "Marcus Bell", Roles.SiteContact, SiteTeamRole.PointOfContact, "Tampa Police Department",
            [("Tampa", "FL")]),
        new("poc2@psp.example", "Elena Ortiz", Roles.SiteContact, SiteTeamRole.PointOfContact, "Pueblo Police Department",
            [("Pueblo", "CO")]),
    ];
}
