using System.Text;
using Microsoft.Extensions.Options;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>
/// Password rules for the portal (NIST SP 800-63B). Bound from the
/// <c>Security:Passwords</c> configuration section.
/// </summary>
public sealed class PasswordPolicyOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string SectionName = "Security:Passwords";

    /// <summary>Default <see cref="MinimumLength"/> (NIST: 15 when the password is the only factor).</summary>
    public const int DefaultMinimumLength = 15;

    /// <summary>Default <see cref="MaximumLength"/>.</summary>
    public const int DefaultMaximumLength = 128;

    /// <summary>Smallest <see cref="MinimumLength"/> accepted (NIST's floor, for use with multi-factor authentication).</summary>
    public const int LowestAllowedMinimumLength = 8;

    /// <summary>Smallest <see cref="MaximumLength"/> accepted (NIST: allow at least 64 characters).</summary>
    public const int LowestAllowedMaximumLength = 64;

    /// <summary>Fewest characters (Unicode code points) a password may have.</summary>
    public int MinimumLength { get; set; } = DefaultMinimumLength;

    /// <summary>Most characters (Unicode code points) a password may have; at least 64.</summary>
    public int MaximumLength { get; set; } = DefaultMaximumLength;

    /// <summary>
    /// Names of the program and service. A password made only of these words (ignoring case,
    /// digits, spaces and punctuation) is refused. Note that configuration binding adds the
    /// configured words to these defaults rather than replacing them.
    /// </summary>
    public IList<string> ForbiddenWords { get; } = ["psp", "public safety partnership", "portal"];
}

/// <summary>Checks <see cref="PasswordPolicyOptions"/> at start-up.</summary>
public sealed class PasswordPolicyOptionsValidator : IValidateOptions<PasswordPolicyOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PasswordPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (options.MinimumLength < PasswordPolicyOptions.LowestAllowedMinimumLength)
        {
            failures.Add($"{nameof(PasswordPolicyOptions.MinimumLength)} must be at least {PasswordPolicyOptions.LowestAllowedMinimumLength}.");
        }

        if (options.MaximumLength < PasswordPolicyOptions.LowestAllowedMaximumLength)
        {
            failures.Add($"{nameof(PasswordPolicyOptions.MaximumLength)} must be at least {PasswordPolicyOptions.LowestAllowedMaximumLength}.");
        }

        if (options.MaximumLength < options.MinimumLength)
        {
            failures.Add($"{nameof(PasswordPolicyOptions.MaximumLength)} must not be less than {nameof(PasswordPolicyOptions.MinimumLength)}.");
        }

        if (options.ForbiddenWords.Any(static word => !(word ?? string.Empty).EnumerateRunes().Any(Rune.IsLetter)))
        {
            failures.Add($"Each of {nameof(PasswordPolicyOptions.ForbiddenWords)} must contain at least one letter.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
