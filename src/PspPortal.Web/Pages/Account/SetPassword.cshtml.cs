using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Infrastructure.Security;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Account;

/// <summary>Where a person sets their password with the one-time link an administrator gave them. The link carries
/// Identity's password-reset token, which no longer verifies once the password is set (the security stamp changes).</summary>
[AllowAnonymous]
public class SetPasswordModel(UserManager<PortalUser> userManager, IValidator<SetPasswordModel.InputModel> validator, SecurityAuditor auditor) : PageModel
{
    public const string InvalidLinkMessage = "This link has already been used or has expired. Ask an administrator for a new one.";

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Done { get; private set; }

    public sealed class InputModel
    {
        public string NewPassword { get; set; } = string.Empty;
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(i => i.NewPassword).NotEmpty().WithMessage("Enter a new password.")
                .MaximumLength(1024).WithMessage("That password is too long.");
            RuleFor(i => i.ConfirmPassword).Equal(i => i.NewPassword).WithMessage("The two new passwords are not the same.");
        }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await UsableAccountAsync();
        var valid = user is not null && await userManager.VerifyUserTokenAsync(
            user, userManager.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, SetPasswordLinks.Decode(Code)!);
        if (!valid)
        {
            ModelState.AddModelError(string.Empty, InvalidLinkMessage);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await UsableAccountAsync();
        var token = SetPasswordLinks.Decode(Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, InvalidLinkMessage);
            Input = new InputModel();
            return Page();
        }

        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            Input = new InputModel();
            return Page();
        }

        var result = await userManager.ResetPasswordAsync(user, token, Input.NewPassword);
        Input = new InputModel();
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == "InvalidToken")
                {
                    ModelState.AddModelError(string.Empty, InvalidLinkMessage);
                }
                else
                {
                    ModelState.AddModelError("Input.NewPassword", error.Description);
                }
            }

            return Page();
        }

        await auditor.RecordAsync(SecurityActions.PasswordSet, user.Id, user.Email, "Set with a one-time link.");
        Done = true;
        return Page();
    }

    private async Task<PortalUser?> UsableAccountAsync()
    {
        if (string.IsNullOrEmpty(UserId) || UserId.Length > 450 || SetPasswordLinks.Decode(Code) is null)
        {
            return null;
        }

        var user = await userManager.FindByIdAsync(UserId);
        return user is null || user.IsDisabled ? null : user;
    }
}
