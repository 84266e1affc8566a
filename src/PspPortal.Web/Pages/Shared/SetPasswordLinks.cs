using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using PspPortal.Web.Data;
using PspPortal.Web.Infrastructure;

namespace PspPortal.Web.Pages.Shared;

/// <summary>The one-time link with which a new user sets their own password: Identity's password-reset token, which
/// is bound to the account's security stamp and so stops working once the password has been set.</summary>
public static class SetPasswordLinks
{
    public const string PagePath = "/Account/SetPassword";

    /// <summary>The link, on the portal's public address (App:BaseUrl), never on the Host header of the admin's request.</summary>
    public static async Task<string> CreateAsync(UserManager<PortalUser> users, PublicUrls publicUrls, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(publicUrls);
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return publicUrls.For(QueryHelpers.AddQueryString(PagePath, new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = code }));
    }

    /// <summary>The token inside a link's code, or null when the code is not one of ours.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 2000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
