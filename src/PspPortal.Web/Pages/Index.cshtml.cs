using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Admin;

namespace PspPortal.Web.Pages;

public class IndexModel(AccountsNeedingAttentionQuery accountsNeedingAttention) : PageModel
{
    /// <summary>The Administrator's part of the home page; null for other roles.</summary>
    public AccountsNeedingAttentionQuery.Result? AccountsNeedingAttention { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // ---- Administrator: accounts that need attention (issue 5, admin) ----
        if (User.IsInRole(Roles.Administrator))
        {
            AccountsNeedingAttention = await accountsNeedingAttention.RunAsync(cancellationToken);
        }
    }
}
