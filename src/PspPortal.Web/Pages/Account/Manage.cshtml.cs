using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;

namespace PspPortal.Web.Pages.Account;

public class ManageModel(UserManager<PortalUser> userManager, SignInManager<PortalUser> signInManager, IValidator<ManageModel.PasswordInput> validator) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string FullName { get; private set; } = string.Empty;
    public string Email { get; private set; } = string.Empty;
    public IList<string> RoleNames { get; private set; } = [];

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

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

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
                await signInManager.RefreshSignInAsync(user);
                StatusMessage = "Your password has been changed.";
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

    private async Task<bool> LoadAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        FullName = user.FullName;
        Email = user.Email ?? string.Empty;
        RoleNames = await userManager.GetRolesAsync(user);
        return true;
    }
}
