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

[AllowAnonymous]
[EnableRateLimiting(AccountSecurityExtensions.SignInRateLimitPolicy)]
public class LoginModel(PortalSignInManager signInManager, SignInThrottle throttle, IValidator<LoginModel.InputModel> validator, TimeProvider clock, SecurityAuditor auditor) : PageModel
{
    /// <summary>The one message for every refused sign-in, so that it does not tell whether an account exists.</summary>
    public const string RefusedMessage = "The email or password is not right, or the account cannot sign in now. Check them and try again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [FromQuery(Name = "signedOut")]
    public bool SignedOut { get; set; }

    /// <summary>The account page signed this browser out after too many wrong answers (see Reauthentication).</summary>
    [FromQuery(Name = "lockedOut")]
    public bool LockedOut { get; set; }

    public sealed class InputModel
    {
        public string Email { get; set; } = string.Empty;
        public string Password { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(i => i.Email).NotEmpty().WithMessage("Enter your email address.")
                .MaximumLength(256).WithMessage("An email address has at most 256 characters.")
                .EmailAddress().WithMessage("Enter an email address like name@agency.gov.");
            RuleFor(i => i.Password).NotEmpty().WithMessage("Enter your password.")
                .MaximumLength(1024).WithMessage("That password is too long.");
        }
    }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A browser that is still signed in keeps its session; a new session is only ever made for an anonymous one.
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            Input.Password = string.Empty;
            return Page();
        }

        var email = Input.Email.Trim();
        var account = SignInThrottle.AccountKey(email);
        var user = await signInManager.UserManager.FindByEmailAsync(email);

        // Every path verifies one password hash (PortalSignInManager), so the time taken does not tell whether the
        // account exists. Failures count towards the lockout (Security:Lockout) and are slowed (SignInThrottle).
        var result = await signInManager.PasswordSignInAsync(user, Input.Password);
        if (result.Succeeded)
        {
            throttle.Succeeded(account);
            await RecordSignInAsync(signInManager.UserManager, user!, clock);
            await auditor.RecordAsync(SecurityActions.SignInSucceeded, user!.Id, user.Email);
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = SafeReturnUrl() });
        }

        var delay = await throttle.SlowFailureAsync(account, SignInThrottle.AddressKey(HttpContext), HttpContext.RequestAborted);
        var why = user is null ? "No account with that email."
            : user.IsDisabled ? "The account is disabled."
            : result.IsLockedOut ? "The account is locked out after too many failed sign-ins."
            : "Wrong password.";
        await auditor.RecordAsync(result.IsLockedOut && user is not null ? SecurityActions.LockedOut : SecurityActions.SignInFailed, user?.Id, user?.Email ?? email,
            why + SignInThrottle.Describe(delay));

        ModelState.AddModelError(string.Empty, RefusedMessage);
        Input.Password = string.Empty;
        return Page();
    }

    internal static async Task RecordSignInAsync(UserManager<PortalUser> users, PortalUser user, TimeProvider clock)
    {
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
    }

    /// <summary>Only a path on this site: never an absolute or protocol-relative address (no open redirect).</summary>
    private string SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
