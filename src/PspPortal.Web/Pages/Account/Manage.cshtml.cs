using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Infrastructure.Security;
using QRCoder;

namespace PspPortal.Web.Pages.Account;

public class ManageModel(
    UserManager<PortalUser> userManager,
    SignInManager<PortalUser> signInManager,
    UserSessions sessions,
    IUserStore<PortalUser> userStore,
    IValidator<ManageModel.PasswordInput> validator,
    IValidator<ManageModel.TwoFactorInput> twoFactorValidator,
    SecurityAuditor auditor) : PageModel
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "PSP Portal";

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [BindProperty]
    public TwoFactorInput TwoFactor { get; set; } = new();

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
            RuleFor(i => i.Code).NotEmpty().WithMessage("Enter the 6-digit code from your authenticator app.")
                .Must(c => AuthenticatorCode.Normalize(c).Length == 6 && AuthenticatorCode.Normalize(c).All(char.IsAsciiDigit))
                .When(i => !string.IsNullOrEmpty(i.Code))
                .WithMessage("Enter the 6 digits your authenticator app shows, like 123456.");
        }
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
        if (validation.IsValid)
        {
            var result = await userManager.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
            if (result.Succeeded)
            {
                await auditor.RecordAsync(SecurityActions.PasswordChanged, user.Id, user.Email);
                await signInManager.RefreshSignInAsync(user);
                var ended = await sessions.EndOtherSessionsAsync(User);
                StatusMessage = ended > 0
                    ? $"Your password has been changed, and your {ended} other {(ended == 1 ? "session has" : "sessions have")} been signed out."
                    : "Your password has been changed.";
                return RedirectToPage();
            }

            foreach (var error in result.Errors)
            {
                var key = error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(key, error.Code == "PasswordMismatch" ? "The current password is not right." : error.Description);
            }
        }
        else
        {
            validation.AddTo(ModelState);
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

        NewRecoveryCodes = [.. await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        Notice = "You have new recovery codes; the old ones no longer work.";
        await LoadAsync();
        return Page();
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
