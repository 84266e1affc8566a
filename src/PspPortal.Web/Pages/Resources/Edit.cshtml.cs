using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Resources;

/// <summary>/Resources/{id}/Edit: a curator changes a resource; a stale form is refused with the current values.</summary>
[Authorize(Policy = Policies.CurateResources)]
public class EditModel(PortalDbContext db, TimeProvider time, ServiceClock serviceClock, IValidator<ResourceInput> validator)
    : ResourceFormPage(db, time, serviceClock, validator)
{
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var resource = await Db.Resources.AsNoTracking().Include(r => r.CoreAreas).Include(r => r.AgencySizes).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        Id = id;
        Input = ResourceInput.From(resource);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        var resource = await Db.Resources.Include(r => r.CoreAreas).Include(r => r.AgencySizes).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        if (!await AcceptAsync(cancellationToken))
        {
            return Page();
        }

        var now = Time.GetUtcNow().UtcDateTime;
        if (Input.Version != resource.Version)
        {
            return await StaleAsync(id, cancellationToken);
        }

        Input.ApplyTo(resource, now);
        if (await Db.SaveIfUnchangedAsync(resource, Input.Version, cancellationToken) != SaveOutcome.Saved)
        {
            return await StaleAsync(id, cancellationToken);
        }

        TempData[DetailsModel.StatusMessageKey] = "Your changes to the resource are saved.";
        return Redirect($"/Resources/{id}");
    }

    private async Task<IActionResult> StaleAsync(int id, CancellationToken cancellationToken)
    {
        await OnGetAsync(id, cancellationToken);
        ModelState.AddModelError(string.Empty, "Someone changed this resource after you opened it, so nothing was saved. The form shows the current values; make your change again.");
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }
}
