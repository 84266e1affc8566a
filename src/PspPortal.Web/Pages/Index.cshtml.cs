using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PspPortal.Web.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
