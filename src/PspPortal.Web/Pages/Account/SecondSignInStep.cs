using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Infrastructure.Security;

namespace PspPortal.Web.Pages.Account;

/// <summary>
/// The second step of signing in for an account with two-factor authentication, whatever the second factor is: the
/// password step must have been passed in this browser; a wrong answer is slowed, counts towards the lockout and is
/// audited; a right one records the sign-in and returns to a local address only. The pages say what the answer is
/// (<see cref="LoginWith2faModel">an authenticator code</see>, <see cref="LoginWithRecoveryCodeModel">a recovery code</see>)
/// and how it is checked.
/// </summary>
/// <typeparam name="TInput">The page's form: one field, the answer.</typeparam>
public abstract class SecondSignInStepModel<TInput>(
    SignInManager<PortalUser> signInManager,
    SignInThrottle throttle,
    IValidator<TInput> validator,
    TimeProvider clock,
    SecurityAuditor auditor) : PageModel
    where TInput : class, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>What the answer is, for the audit trail: "authenticator code".</summary>
    protected abstract string AnswerName { get; }

    /// <summary>The same with its article, for the audit trail: "an authenticator code".</summary>
    protected abstract string AnAnswer { get; }

    /// <summary>The form field of the answer, where a refusal is shown: "Input.Code".</summary>
    protected abstract string AnswerField { get; }

    /// <summary>The message next to the field when the answer is refused; the same whatever the reason.</summary>
    protected abstract string Refusal { get; }

    /// <summary>Checks the answer and signs in when it is right.</summary>
    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<PortalUser> manager);

    /// <summary>Empties the answer, so that a refused one is not shown again.</summary>
    protected abstract void ClearAnswer();

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

        // Wrong answers count towards the lockout, like wrong passwords.
        var result = await SignInAsync(signInManager);
        if (result.Succeeded)
        {
            throttle.Succeeded(SignInThrottle.AccountKey(user.Email));
            await LoginModel.RecordSignInAsync(signInManager.UserManager, user, clock);
            await auditor.RecordAsync(SecurityActions.SignInSucceeded, user.Id, user.Email, $"With {AnAnswer}.");
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        var delay = await throttle.SlowFailureAsync(SignInThrottle.AccountKey(user.Email), SignInThrottle.AddressKey(HttpContext), HttpContext.RequestAborted);
        await auditor.RecordAsync(result.IsLockedOut ? SecurityActions.LockedOut : SecurityActions.SignInFailed, user.Id, user.Email, $"Wrong {AnswerName}." + SignInThrottle.Describe(delay));
        ModelState.AddModelError(AnswerField, Refusal);
        ClearAnswer();
        return Page();
    }
}
