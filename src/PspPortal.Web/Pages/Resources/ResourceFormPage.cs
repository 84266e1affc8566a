using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Resources;

/// <summary>What /Resources/New and /Resources/{id}/Edit share: the form's input and core-area choices, and one check
/// of a sent form (prepare, validate, and on refusal the messages beside the fields with the choices as they were
/// ticked). Each page says only what it does with a valid form.</summary>
public abstract class ResourceFormPage(PortalDbContext db, TimeProvider time, ServiceClock serviceClock, IValidator<ResourceInput> validator) : PageModel
{
    protected PortalDbContext Db { get; } = db;
    protected TimeProvider Time { get; } = time;
    protected ServiceClock Clock { get; } = serviceClock;
    private IValidator<ResourceInput> Validator { get; } = validator;

    [BindProperty]
    public ResourceInput Input { get; set; } = new();

    public IReadOnlyList<Choice> CoreAreas { get; protected set; } = [];

    /// <summary>Checks the sent form; false when it is refused, the page then shows it again as it was typed.</summary>
    protected async Task<bool> AcceptAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await Input.PrepareAsync(Db, Clock, Time, cancellationToken);
        var validation = await Validator.ValidateAsync(Input, cancellationToken);
        if (validation.IsValid)
        {
            return true;
        }

        validation.AddTo(ModelState);
        await LoadChoicesAsync(cancellationToken);
        return false;
    }

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        CoreAreas = await ResourceInput.CoreAreaChoicesAsync(Db, Input.CoreAreaIds, cancellationToken);
}
