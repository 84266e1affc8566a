using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Infrastructure.Security;

namespace PspPortal.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[ExplainsRefusal]
public class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string? RequestId { get; private set; }

    // The code comes from the status code pages (or the query string), never from a form: a POST re-executed here may
    // carry a form that could not be read (too large), and reading it again would turn a 413 into a 500.
    public void OnGet([FromQuery] int? code) => Set(code);

    public void OnPost([FromQuery] int? code) => Set(code);

    private void Set(int? code)
    {
        code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? code;
        Code = code is >= 400 and <= 599 ? code.Value : 500;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Code;
    }
}
