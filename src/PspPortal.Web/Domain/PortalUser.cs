using Microsoft.AspNetCore.Identity;

namespace PspPortal.Web.Domain;

/// <summary>A person who signs in to the portal.</summary>
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
