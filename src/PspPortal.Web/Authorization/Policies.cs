using Microsoft.AspNetCore.Authorization;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Authorization;

/// <summary>The named policies of the portal, in one place.</summary>
public static class Policies
{
    public const string ManageUsers = nameof(ManageUsers);
    public const string ViewAudit = nameof(ViewAudit);
    public const string SubmitRequests = nameof(SubmitRequests);
    public const string ManageSiteTeams = nameof(ManageSiteTeams);
    public const string AdminArea = nameof(AdminArea);
    public const string EnterGrants = nameof(EnterGrants);
    public const string CurateResources = nameof(CurateResources);

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Every page needs a signed-in user unless it says [AllowAnonymous] on its page model (the sign-in pages, the
        // access-denied and error pages); endpoints outside Razor Pages say .AllowAnonymous() where they are mapped.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        options.AddPolicy(ManageUsers, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(ViewAudit, p => p.RequireRole(Roles.Administrator, Roles.BjaStaff));
        options.AddPolicy(SubmitRequests, p => p.RequireRole(Roles.SiteContact, Roles.Liaison));
        options.AddPolicy(ManageSiteTeams, p => p.RequireRole(Roles.Administrator, Roles.BjaStaff));

        // PRODUCT: capacity-building grants are entered by BJA staff (PlanPermissions.MayEnterGrants).
        options.AddPolicy(EnterGrants, p => p.RequireRole(Roles.BjaStaff));

        // PRODUCT: resources of the Clearinghouse are curated by BJA staff (added, edited, retired).
        options.AddPolicy(CurateResources, p => p.RequireRole(Roles.BjaStaff));

        // The floor of everything under /Admin; each sub-folder adds its own policy on top.
        options.AddPolicy(AdminArea, p => p.RequireRole(Roles.Administrator, Roles.BjaStaff));
    }
}
