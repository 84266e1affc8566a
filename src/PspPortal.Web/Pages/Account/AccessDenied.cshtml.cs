using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Infrastructure.Security;

namespace PspPortal.Web.Pages.Account;

[AllowAnonymous]
[ExplainsRefusal]
public class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
