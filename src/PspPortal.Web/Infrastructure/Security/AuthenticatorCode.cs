namespace PspPortal.Web.Infrastructure.Security;

/// <summary>What people type for a code: spaces and hyphens are ignored.</summary>
public static class AuthenticatorCode
{
    public static string Normalize(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
}
