using Microsoft.AspNetCore.Identity;

namespace PspPortal.Web.Data;

/// <summary>A person who signs in to the portal: an ASP.NET Core Identity account with the portal's own columns. It is
/// Identity's type, so it lives with the database, not in Domain (which uses nothing but .NET itself); domain rows name
/// an account by its id (<see cref="Domain.SiteTeamMember.UserId"/>, <see cref="Domain.TtaRequest.RequesterId"/>).</summary>
public class PortalUser : IdentityUser
{
    public required string FullName { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }

    /// <summary>The last TOTP time step accepted, so that an authenticator code is accepted once only.</summary>
    public long? LastTotpTimeStep { get; set; }

    /// <summary>SHA-256 of the secret in the user's calendar feed link; null when no feed link is issued.</summary>
    public string? CalendarFeedTokenHash { get; set; }
}
