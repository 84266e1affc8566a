using Microsoft.AspNetCore.Mvc;

namespace PspPortal.Web.Pages.Shared;

/// <summary>The requests that matter, as a titled table: on the home page (<c>&lt;vc:tta-requests /&gt;</c>) those
/// waiting on the signed-in user, on a site's page (<c>&lt;vc:tta-requests site-id="@Model.Id" /&gt;</c>) the site's.</summary>
public sealed class TtaRequestsViewComponent(RequestQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? siteId = null)
    {
        var model = siteId is { } id
            ? await queries.ForSiteAsync(id, HttpContext.RequestAborted)
            : await queries.ForHomeAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        return model is null ? Content(string.Empty) : View("/Pages/Shared/_RequestList.cshtml", model);
    }
}
