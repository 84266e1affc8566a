using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Infrastructure.Mail;

/// <summary>The one-click unsubscribe link's token (docs/security.md): a Data Protection payload of the user's id and
/// one kind of event (or "every kind sent as a digest"), so it cannot be guessed or altered, works without signing in,
/// and only ever turns that user's mail for that kind to "Never". Tokens are not stored and never logged (they travel
/// in the query string, which the request log leaves out).</summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection)
{
    private const string DigestKinds = "digest";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("PspPortal.Mail.Unsubscribe.v1");

    public string For(string userId, NotificationKind? kind) =>
        _protector.Protect($"{userId}\n{(kind is null ? DigestKinds : kind.Value.ToString())}");

    /// <summary>The user and kind (null: every kind the user has sent as a digest) of a valid token, or null.</summary>
    public Unsubscribe? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('\n');
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                return null;
            }

            if (parts[1] == DigestKinds)
            {
                return new Unsubscribe(parts[0], null);
            }

            return Enum.TryParse<NotificationKind>(parts[1], out var kind) && Enum.IsDefined(kind) ? new Unsubscribe(parts[0], kind) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public sealed record Unsubscribe(string UserId, NotificationKind? Kind);
