using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using PspPortal.Web.Data;
using PspPortal.Web.Infrastructure.Security;

namespace PspPortal.Web.Pages.Account;

/// <summary>The second step of signing in with one of the account's recovery codes instead of the app; each code works once.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountSecurityExtensions.SignInRateLimitPolicy)]
public class LoginWithRecoveryCodeModel(SignInManager<PortalUser> signInManager, SignInThrottle throttle, IValidator<LoginWithRecoveryCodeModel.InputModel> validator, TimeProvider clock, SecurityAuditor auditor)
    : SecondSignInStepModel<LoginWithRecoveryCodeModel.InputModel>(signInManager, throttle, validator, clock, auditor)
{
    public const string RefusedMessage = "That recovery code is not right, has been used already, or the account cannot sign in now.";

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

    protected override string AnswerName => "recovery code";

    protected override string AnAnswer => "a recovery code";

    protected override string AnswerField => "Input.RecoveryCode";

    protected override string Refusal => RefusedMessage;

    protected override Task<SignInResult> SignInAsync(SignInManager<PortalUser> manager) =>
        manager.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal));

    protected override void ClearAnswer() => Input.RecoveryCode = string.Empty;
}
