using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Authorization;

/// <summary>A token as its owner's list shows it: never the token, never its hash.</summary>
public sealed record TokenListing(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsActiveAt(DateTime now) => RevokedAt is null && now < ExpiresAt;
}

/// <summary>What making a token gave: the row, and the token itself, which exists only in this response.</summary>
public sealed record NewToken(TokenListing Listing, string Token);

/// <summary>The personal access tokens of the read-only API: made, listed and revoked by their owner on
/// /Account/Manage, and checked on every API request by <see cref="ApiTokenAuthenticationHandler"/>. The token is
/// "psp_" and 43 base64url characters (32 random bytes); the database keeps its SHA-256.</summary>
public sealed class PersonalAccessTokens(PortalDbContext db, TimeProvider clock)
{
    public const string TokenPrefix = "psp_";

    /// <summary>How many characters of the token are kept in the clear to recognise it ("psp_" and 8 more).</summary>
    public const int ShownPrefixLength = 12;

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether a string has the shape of a token (before any database lookup).</summary>
    public static bool LooksLikeToken(string value) =>
        value.Length == TokenPrefix.Length + 43
        && value.StartsWith(TokenPrefix, StringComparison.Ordinal)
        && value.AsSpan(TokenPrefix.Length).ContainsAnyExcept(Base64UrlCharacters) is false;

    private static readonly System.Buffers.SearchValues<char> Base64UrlCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public async Task<List<TokenListing>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new TokenListing(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);

    /// <summary>How many of the user's tokens still work (not revoked, not expired).</summary>
    public async Task<int> ActiveCountAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.PersonalAccessTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Makes a token; the caller has validated the name and lifetime and checked the limit. The creation is
    /// audited as a row of <see cref="PersonalAccessToken"/> without its hash (<see cref="AuditPolicy"/>).</summary>
    public async Task<NewToken> CreateAsync(string userId, string name, int lifetimeDays, CancellationToken cancellationToken = default)
    {
        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new PersonalAccessToken
        {
            UserId = userId,
            Name = name.Trim(),
            Prefix = token[..ShownPrefixLength],
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(lifetimeDays),
        };
        db.PersonalAccessTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new NewToken(new TokenListing(row.Id, row.Name, row.Prefix, row.CreatedAt, row.ExpiresAt, null, null), token);
    }

    /// <summary>Revokes one of the user's own tokens; false when the user has no such token (someone else's is "no such").</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        var row = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (row is null)
        {
            return false;
        }

        if (row.RevokedAt is null)
        {
            row.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
