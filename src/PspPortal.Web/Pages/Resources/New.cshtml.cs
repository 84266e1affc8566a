using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Resources;

/// <summary>/Resources/New: a curator adds a resource to the Clearinghouse.</summary>
[Authorize(Policy = Policies.CurateResources)]
public class NewModel(PortalDbContext db, TimeProvider time, ServiceClock serviceClock, IValidator<ResourceInput> validator) : PageModel
{
    [BindProperty]
    public ResourceInput Input { get; set; } = new();

    public IReadOnlyList<Choice> CoreAreas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.PublishedOn = serviceClock.Today(time);
        CoreAreas = await ResourceInput.CoreAreaChoicesAsync(db, [], cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        await Input.PrepareAsync(db, serviceClock, time, cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            CoreAreas = await ResourceInput.CoreAreaChoicesAsync(db, Input.CoreAreaIds, cancellationToken);
            return Page();
        }

        var resource = new Resource { Title = string.Empty, Summary = string.Empty, Url = string.Empty, CreatedAt = now };
        Input.ApplyTo(resource, now);
        db.Resources.Add(resource);
        await db.SaveChangesAsync(cancellationToken);
        TempData[DetailsModel.StatusMessageKey] = "The resource is in the Clearinghouse.";
        return Redirect($"/Resources/{resource.Id}");
    }
}
