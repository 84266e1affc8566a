using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Error codes returned by <see cref="NistPasswordValidator{TUser}"/>.</summary>
public static class PasswordErrorCodes
{
    /// <summary>Fewer characters than <see cref="PasswordPolicyOptions.MinimumLength"/>.</summary>
    public const string TooShort = "PasswordTooShort";

    /// <summary>More characters than <see cref="PasswordPolicyOptions.MaximumLength"/>.</summary>
    public const string TooLong = "PasswordTooLong";

    /// <summary>In the list of common / breached passwords.</summary>
    public const string Breached = "PasswordBreached";

    /// <summary>Contains the user's email address or its local part.</summary>
    public const string ContainsEmail = "PasswordContainsEmail";

    /// <summary>Contains the user's user name (when it differs from the email).</summary>
    public const string ContainsUserName = "PasswordContainsUserName";

    /// <summary>Consists only of the program's name(s) plus digits or punctuation.</summary>
    public const string ContainsProgramName = "PasswordContainsProgramName";

    /// <summary>A single character repeated.</summary>
    public const string Repetitive = "PasswordRepetitive";
}

/// <summary>
/// Password rules per NIST SP 800-63B: a length range counted in Unicode code points, any
/// characters allowed (spaces and emoji included), no composition rules, and a block-list of
/// breached passwords, the user's email / user name and the program's name.
/// Replaces Identity's default composition-rule <see cref="PasswordValidator{TUser}"/>; see
/// <see cref="PasswordPolicyServiceCollectionExtensions.AddNistPasswordPolicy{TUser}"/>.
/// </summary>
/// <typeparam name="TUser">The Identity user type.</typeparam>
public sealed class NistPasswordValidator<TUser> : IPasswordValidator<TUser>
    where TUser : IdentityUser
{
    private const int MinimumIdentifierLength = 3;

    private readonly PasswordPolicyOptions _options;
    private readonly BreachedPasswordList _breachedPasswords;
    private readonly string[] _forbiddenWords;

    /// <summary>Creates the validator.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public NistPasswordValidator(IOptions<PasswordPolicyOptions> options, BreachedPasswordList breachedPasswords)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(breachedPasswords);

        _options = options.Value;
        var check = new PasswordPolicyOptionsValidator().Validate(Options.DefaultName, _options);
        if (check.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PasswordPolicyOptions), check.Failures);
        }

        _breachedPasswords = breachedPasswords;
        _forbiddenWords = _options.ForbiddenWords
            .Select(static word => LettersOnly(word ?? string.Empty))
            .Where(static word => word.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <inheritdoc />
    /// <remarks><paramref name="manager"/> is not used.</remarks>
    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(user);

        var length = CountCodePoints(password);
        if (length > _options.MaximumLength)
        {
            // Nothing else is worth checking (or spending time on) in an over-long password.
            return Task.FromResult(IdentityResult.Failed(TooLong(_options.MaximumLength)));
        }

        var errors = new List<IdentityError>();

        if (length < _options.MinimumLength)
        {
            errors.Add(TooShort(_options.MinimumLength));
        }

        if (IsSingleRepeatedCharacter(password))
        {
            errors.Add(new IdentityError
            {
                Code = PasswordErrorCodes.Repetitive,
                Description = "Don't use one character repeated. A passphrase of several unrelated words is stronger and easier to remember.",
            });
        }

        if (_breachedPasswords.Contains(password))
        {
            errors.Add(new IdentityError
            {
                Code = PasswordErrorCodes.Breached,
                Description = "This password appears in lists of passwords exposed in data breaches. Choose another.",
            });
        }

        if (ContainsEmail(password, user.Email))
        {
            errors.Add(new IdentityError
            {
                Code = PasswordErrorCodes.ContainsEmail,
                Description = "Don't include your email address, or the part of it before the @, in your password.",
            });
        }

        if (ContainsUserName(password, user.UserName, user.Email))
        {
            errors.Add(new IdentityError
            {
                Code = PasswordErrorCodes.ContainsUserName,
                Description = "Don't include your user name in your password.",
            });
        }

        if (IsOnlyForbiddenWords(password))
        {
            errors.Add(new IdentityError
            {
                Code = PasswordErrorCodes.ContainsProgramName,
                Description = "Don't use the name of the program or this portal as your password. Choose words that others can't guess.",
            });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static IdentityError TooShort(int minimumLength) => new()
    {
        Code = PasswordErrorCodes.TooShort,
        Description = $"Use at least {minimumLength} characters. A long passphrase of several unrelated words is easiest to remember.",
    };

    private static IdentityError TooLong(int maximumLength) => new()
    {
        Code = PasswordErrorCodes.TooLong,
        Description = $"Use no more than {maximumLength} characters.",
    };

    /// <summary>Length in Unicode code points, as NIST SP 800-63B counts characters ("🔒" is one).</summary>
    private static int CountCodePoints(string password)
    {
        var count = 0;
        foreach (var _ in password.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static bool IsSingleRepeatedCharacter(string password)
    {
        Rune? first = null;
        var count = 0;
        foreach (var rune in password.EnumerateRunes())
        {
            var lower = Rune.ToLowerInvariant(rune);
            if (first is null)
            {
                first = lower;
            }
            else if (first.Value != lower)
            {
                return false;
            }

            count++;
        }

        return count > 1;
    }

    private static bool ContainsEmail(string password, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        email = email.Trim();
        if (password.Contains(email, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var at = email.LastIndexOf('@');
        var localPart = at > 0 ? email[..at] : email;
        return localPart.Length >= MinimumIdentifierLength
            && password.Contains(localPart, StringComparison.OrdinalIgnoreCase);
    }

    private static bool ContainsUserName(string password, string? userName, string? email)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return false;
        }

        userName = userName.Trim();
        return userName.Length >= MinimumIdentifierLength
            && !string.Equals(userName, email?.Trim(), StringComparison.OrdinalIgnoreCase)
            && password.Contains(userName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether the password, with everything but letters removed and lowercased, is made up
    /// entirely of forbidden words, e.g. "PublicSafetyPartnership2026!" or "psp-portal-psp-portal".
    /// </summary>
    private bool IsOnlyForbiddenWords(string password)
    {
        var letters = LettersOnly(password);
        if (letters.Length == 0 || _forbiddenWords.Length == 0)
        {
            return false;
        }

        // Word break: canEnd[i] is true when letters[..i] splits into forbidden words.
        var canEnd = new bool[letters.Length + 1];
        canEnd[0] = true;
        for (var start = 0; start < letters.Length; start++)
        {
            if (!canEnd[start])
            {
                continue;
            }

            foreach (var word in _forbiddenWords)
            {
                if (letters.AsSpan(start).StartsWith(word, StringComparison.Ordinal))
                {
                    canEnd[start + word.Length] = true;
                }
            }
        }

        return canEnd[letters.Length];
    }

    private static string LettersOnly(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                builder.Append(Rune.ToLowerInvariant(rune));
            }
        }

        return builder.ToString();
    }
}
