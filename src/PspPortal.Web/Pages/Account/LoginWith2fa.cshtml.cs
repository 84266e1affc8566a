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

/// <summary>The second step of signing in for an account with two-factor authentication: the code of the authenticator app.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountSecurityExtensions.SignInRateLimitPolicy)]
public class LoginWith2faModel(SignInManager<PortalUser> signInManager, SignInThrottle throttle, IValidator<LoginWith2faModel.InputModel> validator, TimeProvider clock, SecurityAuditor auditor) : PageModel
{
    public const string RefusedMessage = "That code is not right, has been used already, or the account cannot sign in now. Wait for the next code from your app and try again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        public string Code { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(i => i.Code).IsAuthenticatorCode();
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

        // Wrong codes count towards the lockout, like wrong passwords.
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(AuthenticatorCode.Normalize(Input.Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            throttle.Succeeded(SignInThrottle.AccountKey(user.Email));
            await LoginModel.RecordSignInAsync(signInManager.UserManager, user, clock);
            await auditor.RecordAsync(SecurityActions.SignInSucceeded, user.Id, user.Email, "With an authenticator code.");
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        var delay = await throttle.SlowFailureAsync(SignInThrottle.AccountKey(user.Email), SignInThrottle.AddressKey(HttpContext), HttpContext.RequestAborted);
        await auditor.RecordAsync(result.IsLockedOut ? SecurityActions.LockedOut : SecurityActions.SignInFailed, user.Id, user.Email, "Wrong authenticator code." + SignInThrottle.Describe(delay));
        ModelState.AddModelError("Input.Code", RefusedMessage);
        Input.Code = string.Empty;
        return Page();
    }
}
