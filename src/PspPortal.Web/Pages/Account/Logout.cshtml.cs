using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Data;

namespace PspPortal.Web.Pages.Account;

/// <summary>Sign-out is a POST (with the antiforgery token), so that a link or an image cannot sign someone out.</summary>
[AllowAnonymous]
public class LogoutModel(SignInManager<PortalUser> signInManager) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Account/Login");

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        return RedirectToPage("/Account/Login", new { signedOut = true });
    }
}
