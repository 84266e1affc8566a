using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using PspPortal.Web.Data;
using PspPortal.Web.Infrastructure.Security;

namespace PspPortal.Web.Pages.Account;

/// <summary>The second step of signing in for an account with two-factor authentication: the code of the authenticator app.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountSecurityExtensions.SignInRateLimitPolicy)]
public class LoginWith2faModel(SignInManager<PortalUser> signInManager, SignInThrottle throttle, IValidator<LoginWith2faModel.InputModel> validator, TimeProvider clock, SecurityAuditor auditor)
    : SecondSignInStepModel<LoginWith2faModel.InputModel>(signInManager, throttle, validator, clock, auditor)
{
    public const string RefusedMessage = "That code is not right, has been used already, or the account cannot sign in now. Wait for the next code from your app and try again.";

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

    protected override string AnswerName => "authenticator code";

    protected override string AnAnswer => "an authenticator code";

    protected override string AnswerField => "Input.Code";

    protected override string Refusal => RefusedMessage;

    protected override Task<SignInResult> SignInAsync(SignInManager<PortalUser> manager) =>
        manager.TwoFactorAuthenticatorSignInAsync(AuthenticatorCode.Normalize(Input.Code), isPersistent: false, rememberClient: false);

    protected override void ClearAnswer() => Input.Code = string.Empty;
}
