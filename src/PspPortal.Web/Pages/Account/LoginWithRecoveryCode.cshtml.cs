using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Infrastructure.Security;

namespace PspPortal.Web.Pages.Account;

/// <summary>The second step of signing in with one of the account's recovery codes instead of the app; each code works once.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountSecurityExtensions.SignInRateLimitPolicy)]
public class LoginWithRecoveryCodeModel(SignInManager<PortalUser> signInManager, SignInThrottle throttle, IValidator<LoginWithRecoveryCodeModel.InputModel> validator, TimeProvider clock, SecurityAuditor auditor) : PageModel
{
    public const string RefusedMessage = "That recovery code is not right, has been used already, or the account cannot sign in now.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        public string RecoveryCode { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(i => i.RecoveryCode).NotEmpty().WithMessage("Enter one of your recovery codes.")
                .MaximumLength(64).WithMessage("That is not a recovery code.");
        }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        var code = Input.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal);
        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            throttle.Succeeded(SignInThrottle.AccountKey(user.Email));
            await LoginModel.RecordSignInAsync(signInManager.UserManager, user, clock);
            await auditor.RecordAsync(SecurityActions.SignInSucceeded, user.Id, user.Email, "With a recovery code.");
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        var delay = await throttle.SlowFailureAsync(SignInThrottle.AccountKey(user.Email), SignInThrottle.AddressKey(HttpContext), HttpContext.RequestAborted);
        await auditor.RecordAsync(result.IsLockedOut ? SecurityActions.LockedOut : SecurityActions.SignInFailed, user.Id, user.Email, "Wrong recovery code." + SignInThrottle.Describe(delay));
        ModelState.AddModelError("Input.RecoveryCode", RefusedMessage);
        Input.RecoveryCode = string.Empty;
        return Page();
    }
}
