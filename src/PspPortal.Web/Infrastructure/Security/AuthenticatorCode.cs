using FluentValidation;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>What people type for a code: spaces and hyphens are ignored.</summary>
public static class AuthenticatorCode
{
    public static string Normalize(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    /// <summary>Six digits once spaces and hyphens are taken out.</summary>
    public static bool IsWellFormed(string? code)
    {
        var digits = Normalize(code);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit);
    }

    /// <summary>The one validation of a typed authenticator code, with the messages every form gives.</summary>
    public static IRuleBuilderOptions<T, string> IsAuthenticatorCode<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter the 6-digit code from your authenticator app.")
            .Must(IsWellFormed).WithMessage("Enter the 6 digits your authenticator app shows, like 123456.");
}
