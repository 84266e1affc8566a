using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Resources;

/// <summary>/Resources/New: a curator adds a resource to the Clearinghouse.</summary>
[Authorize(Policy = Policies.CurateResources)]
public class NewModel(PortalDbContext db, TimeProvider time, ServiceClock serviceClock, IValidator<ResourceInput> validator)
    : ResourceFormPage(db, time, serviceClock, validator)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.PublishedOn = Clock.Today(Time);
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await AcceptAsync(cancellationToken))
        {
            return Page();
        }

        var now = Time.GetUtcNow().UtcDateTime;
        var resource = new Resource { Title = string.Empty, Summary = string.Empty, Url = string.Empty, CreatedAt = now };
        Input.ApplyTo(resource, now);
        Db.Resources.Add(resource);
        await Db.SaveChangesAsync(cancellationToken);
        TempData[DetailsModel.StatusMessageKey] = "The resource is in the Clearinghouse.";
        return Redirect($"/Resources/{resource.Id}");
    }
}
