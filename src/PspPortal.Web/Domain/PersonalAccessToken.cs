namespace PspPortal.Web.Domain;

/// <summary>A personal access token: what a script presents to the read-only API (<c>Authorization: Bearer …</c>) in
/// place of a signed-in browser. The token itself is shown once, when it is made; the portal keeps only its SHA-256
/// (<see cref="TokenHash"/>) and a short <see cref="Prefix"/> that lets its owner recognise it in the list.</summary>
public class PersonalAccessToken
{
    /// <summary>How many tokens that still work one account may hold at once.</summary>
    public const int MaxActivePerUser = 10;

    public const int NameMaxLength = 100;

    /// <summary>The lifetimes a user may choose, in days (no token lives for ever).</summary>
    public static IReadOnlyList<int> LifetimeChoices { get; } = [30, 90, 365];

    public const int DefaultLifetimeDays = 90;

    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token ("psp_" and 8 more): enough to tell tokens apart, too few to use one.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the token, lower-case hex. The token is 32 random bytes, so a fast hash is enough: there is
    /// nothing to guess that a slow hash would protect.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsActiveAt(DateTime now) => RevokedAt is null && now < ExpiresAt;
}
