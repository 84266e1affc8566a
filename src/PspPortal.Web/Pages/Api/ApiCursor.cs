using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PspPortal.Web.Pages.Api;

/// <summary>Opaque, stable cursors for the API's lists. Every list is ordered by id (unique, never reused) and a page
/// starts after the last id of the one before (keyset paging), so a row added between pages appears once, at its
/// place, and none is seen twice. The cursor is that id and the list it belongs to, protected with Data Protection:
/// a client cannot read, forge or move it to another list, and a changed one is refused with 400.</summary>
public sealed class ApiCursor(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("PspPortal.Api.Cursor.v1");

    public string For(string list, int lastId) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{list}|{lastId}"));

    /// <summary>The id after which the page starts: 0 without a cursor, null when the cursor is not one of this list's.</summary>
    public int? After(string list, string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        if (cursor.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(cursor).Split('|');
            return parts.Length == 2 && parts[0] == list && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
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
