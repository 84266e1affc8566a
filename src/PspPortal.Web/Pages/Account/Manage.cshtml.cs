using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Infrastructure.Security;
using QRCoder;

namespace PspPortal.Web.Pages.Account;

/// <summary>The user's own account: password change and two-factor authentication. Its posts share the sign-in pages'
/// per-address limiter, because a wrong current password counts like a wrong sign-in.</summary>
[EnableRateLimiting(AccountSecurityExtensions.SignInRateLimitPolicy)]
public partial class ManageModel(
    UserManager<PortalUser> userManager,
    SignInManager<PortalUser> signInManager,
    UserSessions sessions,
    IUserStore<PortalUser> userStore,
    IValidator<ManageModel.PasswordInput> validator,
    IValidator<ManageModel.TwoFactorInput> twoFactorValidator,
    IValidator<ManageModel.ConfirmInput> confirmValidator,
    Reauthentication reauthentication,
    SecurityAuditor auditor) : PageModel
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "PSP Portal";

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [BindProperty]
    public TwoFactorInput TwoFactor { get; set; } = new();

    /// <summary>The current password or a code, asked again before new recovery codes are made.</summary>
    [BindProperty]
    public ConfirmInput NewCodes { get; set; } = new();

    /// <summary>The current password or a code, asked again before two-factor authentication is turned off.</summary>
    [BindProperty]
    public ConfirmInput TurnOff { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>A message about this response only (not kept for the next request, unlike <see cref="StatusMessage"/>).</summary>
    public string? Notice { get; private set; }

    public string FullName { get; private set; } = string.Empty;
    public string Email { get; private set; } = string.Empty;
    public IList<string> RoleNames { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    /// <summary>The user's roles require two-factor authentication (Security:RequireTwoFactorForRoles).</summary>
    public bool TwoFactorRequired { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The authenticator key in groups of four, to type into an app that cannot scan.</summary>
    public string? SharedKey { get; private set; }

    /// <summary>The otpauth:// address drawn as an SVG QR code, made here (no outside service).</summary>
    public string? QrCodeSvg { get; private set; }

    /// <summary>New recovery codes, shown in the response that made them and never again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public sealed class PasswordInput
    {
        public string CurrentPassword { get; set; } = string.Empty;
        public string NewPassword { get; set; } = string.Empty;
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<PasswordInput>
    {
        public Validator()
        {
            RuleFor(i => i.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
            RuleFor(i => i.NewPassword).NotEmpty().WithMessage("Enter a new password.");
            RuleFor(i => i.ConfirmPassword).Equal(i => i.NewPassword).WithMessage("The two new passwords are not the same.");
        }
    }

    public sealed class TwoFactorInput
    {
        public string Code { get; set; } = string.Empty;
    }

    public sealed class TwoFactorValidator : AbstractValidator<TwoFactorInput>
    {
        public TwoFactorValidator()
        {
            RuleFor(i => i.Code).IsAuthenticatorCode();
        }
    }

    public sealed class ConfirmInput
    {
        public string Secret { get; set; } = string.Empty;
    }

    public sealed class ConfirmValidator : AbstractValidator<ConfirmInput>
    {
        public ConfirmValidator() =>
            RuleFor(i => i.Secret).NotEmpty().WithMessage("Enter your current password or a code from your authenticator app.")
                .MaximumLength(1024).WithMessage("That is too long to be your password or a code.");
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    /// <summary>Changes the password and ends the account's other sessions, so a session someone else holds ends too.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
        }
        else if (await NewPasswordErrorsAsync(user) is { Count: > 0 } problems)
        {
            // The new password is judged before the current one is checked, so that a guess of the current password
            // with an unusable new one learns nothing and counts for nothing.
            foreach (var problem in problems)
            {
                ModelState.AddModelError("Input.NewPassword", problem);
            }
        }
        else
        {
            var result = await userManager.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
            if (result.Succeeded)
            {
                await userManager.ResetAccessFailedCountAsync(user);
                await auditor.RecordAsync(SecurityActions.PasswordChanged, user.Id, user.Email);
                await signInManager.RefreshSignInAsync(user);
                var ended = await sessions.EndOtherSessionsAsync(User);
                StatusMessage = ended > 0
                    ? $"Your password has been changed, and your {ended} other {(ended == 1 ? "session has" : "sessions have")} been signed out."
                    : "Your password has been changed.";
                return RedirectToPage();
            }

            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                if (await reauthentication.FailedAsync(user, "Wrong current password when changing the password.") == ReauthenticationResult.LockedOut)
                {
                    return SignedOutForLockout();
                }

                ModelState.AddModelError("Input.CurrentPassword", "The current password is not right.");
            }
            else
            {
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError("Input.NewPassword", error.Description);
                }
            }
        }

        Input = new PasswordInput();
        await LoadAsync();
        return Page();
    }

    /// <summary>Turns two-factor authentication on once a code from the app proves it was set up, and shows the recovery codes.</summary>
    public async Task<IActionResult> OnPostEnableTwoFactorAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var validation = await twoFactorValidator.ValidateAsync(TwoFactor);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, "TwoFactor");
        }
        else if (!await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Normalize(TwoFactor.Code)))
        {
            ModelState.AddModelError("TwoFactor.Code", "That code is not right. Check that the app's clock is right, then enter the code it shows now.");
        }
        else
        {
            await userManager.SetTwoFactorEnabledAsync(user, true);
            await auditor.RecordAsync(SecurityActions.TwoFactorEnabled, user.Id, user.Email);
            NewRecoveryCodes = [.. await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            await auditor.RecordAsync(SecurityActions.RecoveryCodesGenerated, user.Id, user.Email, "With two-factor authentication turned on.");
            await signInManager.RefreshSignInAsync(user);
            Notice = "Two-factor authentication is on. From now on you will enter a code from your app when you sign in.";
        }

        TwoFactor = new TwoFactorInput();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (TwoFactorRequirement.IsRequiredFor(HttpContext))
        {
            ModelState.AddModelError(string.Empty, "Your role requires two-factor authentication, so it cannot be turned off.");
            await LoadAsync();
            return Page();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (await ConfirmAsync(user, TurnOff, nameof(TurnOff), "turn off two-factor authentication") is { } refused)
        {
            return refused;
        }

        await userManager.SetTwoFactorEnabledAsync(user, false);
        await auditor.RecordAsync(SecurityActions.TwoFactorDisabled, user.Id, user.Email);
        // A new key next time: the old one may be on a lost phone.
        await userManager.ResetAuthenticatorKeyAsync(user);
        await signInManager.RefreshSignInAsync(user);
        StatusMessage = "Two-factor authentication is off.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (await ConfirmAsync(user, NewCodes, nameof(NewCodes), "make new recovery codes") is { } refused)
        {
            return refused;
        }

        NewRecoveryCodes = [.. await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await auditor.RecordAsync(SecurityActions.RecoveryCodesGenerated, user.Id, user.Email, "The old recovery codes no longer work.");
        Notice = "You have new recovery codes; the old ones no longer work.";
        await LoadAsync();
        return Page();
    }

    /// <summary>Asks again for the current password or a code; null when it was given rightly, otherwise the page
    /// to answer with (the form with its message, or the sign-in page when the account has just been locked out).</summary>
    private async Task<IActionResult?> ConfirmAsync(PortalUser user, ConfirmInput input, string prefix, string purpose)
    {
        var validation = await confirmValidator.ValidateAsync(input);
        if (validation.IsValid)
        {
            switch (await reauthentication.CheckAsync(user, input.Secret, purpose))
            {
                case ReauthenticationResult.Succeeded:
                    return null;
                case ReauthenticationResult.LockedOut:
                    return SignedOutForLockout();
                default:
                    ModelState.AddModelError($"{prefix}.Secret", "That password or code is not right.");
                    break;
            }
        }
        else
        {
            validation.AddTo(ModelState, prefix);
        }

        NewCodes = new ConfirmInput();
        TurnOff = new ConfirmInput();
        await LoadAsync();
        return Page();
    }

    private RedirectToPageResult SignedOutForLockout() => RedirectToPage("/Account/Login", new { lockedOut = true });

    /// <summary>What the password validators (length, breached list, email) say of the new password.</summary>
    private async Task<List<string>> NewPasswordErrorsAsync(PortalUser user)
    {
        var problems = new List<string>();
        foreach (var passwordValidator in userManager.PasswordValidators)
        {
            var result = await passwordValidator.ValidateAsync(userManager, user, Input.NewPassword);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }

        return problems;
    }

    private async Task<PortalUser?> LoadAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        FullName = user.FullName;
        Email = user.Email ?? string.Empty;
        RoleNames = await userManager.GetRolesAsync(user);
        TwoFactorEnabled = user.TwoFactorEnabled;
        TwoFactorRequired = TwoFactorRequirement.IsRequiredFor(HttpContext);
        if (TwoFactorEnabled)
        {
            RecoveryCodesLeft = await userManager.CountRecoveryCodesAsync(user);
        }
        else
        {
            var key = await userManager.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key) && userStore is IUserAuthenticatorKeyStore<PortalUser> keys)
            {
                // The key for setting up. Saved through the store rather than ResetAuthenticatorKeyAsync, which would
                // change the security stamp and so sign the account out of its other sessions merely for looking at
                // this page; the stamp changes when two-factor authentication is actually turned on.
                key = userManager.GenerateNewAuthenticatorKey();
                await keys.SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
                await userManager.UpdateAsync(user);
            }

            key ??= string.Empty;
            SharedKey = GroupsOfFour(key);
            QrCodeSvg = QrCode(AuthenticatorUri(Email, key));
        }

        return user;
    }

    private static string GroupsOfFour(string key)
    {
        var groups = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            groups.Append(groups.Length > 0 ? " " : string.Empty).Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return groups.ToString().ToUpperInvariant();
    }

    private static string AuthenticatorUri(string email, string key) => string.Create(CultureInfo.InvariantCulture,
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(5);
    }
}
