using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Infrastructure.Security;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Admin.Users;

public class NewModel(UserManager<PortalUser> userManager, IValidator<NewModel.InputModel> validator, SecurityAuditor auditor, PublicUrls publicUrls, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Shown once, in the answer to the post that created the account; never stored or logged.</summary>
    public string? SetPasswordLink { get; private set; }

    public string? CreatedUserId { get; private set; }

    public sealed class InputModel
    {
        public string FullName { get; set; } = string.Empty;
        public string Email { get; set; } = string.Empty;
        public string Role { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(i => i.FullName).NotEmpty().WithMessage("Enter the person's name.")
                .MaximumLength(200).WithMessage("A name has at most 200 characters.");
            RuleFor(i => i.Email).NotEmpty().WithMessage("Enter the person's email address.")
                .MaximumLength(256).WithMessage("An email address has at most 256 characters.")
                .EmailAddress().WithMessage("Enter an email address like name@agency.gov.");
            RuleFor(i => i.Role).Must(r => Roles.All.Contains(r)).WithMessage("Choose a role.");
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        var email = Input.Email.Trim();
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", "There is already an account with that email address.");
            return Page();
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = Input.FullName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await userManager.CreateAsync(user);
        if (result.Succeeded)
        {
            result = await userManager.AddToRoleAsync(user, Input.Role);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        SetPasswordLink = await SetPasswordLinks.CreateAsync(userManager, publicUrls, user);
        CreatedUserId = user.Id;
        await auditor.RecordAsync(SecurityActions.SetPasswordLinkIssued, details: $"For the new account {user.Email}.");
        return Page();
    }
}
