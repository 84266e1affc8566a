using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PspPortal.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        Code = code is >= 400 and <= 599 ? code.Value : 500;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Code;
    }
}
