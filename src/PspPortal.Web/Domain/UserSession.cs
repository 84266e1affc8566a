namespace PspPortal.Web.Domain;

/// <summary>A signed-in session, kept on the server: the cookie holds only its <see cref="Id"/>, so ending the session
/// here (sign-out, disabled account, password change) makes a copied cookie useless.</summary>
public class UserSession
{
    /// <summary>A random key (256 bits, base64url); the cookie carries it, protected by Data Protection.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }

    /// <summary>Idle time-out: moves forward while the session is used, never past <see cref="AbsoluteExpiresAt"/>.</summary>
    public DateTime ExpiresAt { get; set; }
    public DateTime AbsoluteExpiresAt { get; set; }

    /// <summary>The authentication ticket, serialized and protected with Data Protection.</summary>
    public required byte[] Ticket { get; set; }
    public string? UserAgent { get; set; }
    public string? IpAddress { get; set; }

    public bool IsActiveAt(DateTime now) => now < ExpiresAt && now < AbsoluteExpiresAt;
}
