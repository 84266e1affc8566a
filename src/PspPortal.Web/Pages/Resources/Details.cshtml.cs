using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Resources;

/// <summary>/Resources/{id}: one resource, "Add to toolkit" for everyone signed in, edit and retire for curators.</summary>
public class DetailsModel(PortalDbContext db, CurrentUser currentUser, IAuthorizationService authorization, TimeProvider time, IValidator<DetailsModel.AddInput> validator) : PageModel
{
    public const string StatusMessageKey = "ResourceStatusMessage";

    [BindProperty]
    public AddInput Add { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    [TempData(Key = StatusMessageKey)]
    public string? StatusMessage { get; set; }

    public Resource Resource { get; private set; } = null!;
    public IReadOnlyList<Choice> MyToolkits { get; private set; } = [];
    public bool MayCurate { get; private set; }

    public sealed class AddInput
    {
        /// <summary>One of the user's toolkits, or 0 for a new one named <see cref="NewName"/>.</summary>
        public int? ToolkitId { get; set; }
        public string? NewName { get; set; }
        public string? Note { get; set; }
    }

    public sealed class AddValidator : AbstractValidator<AddInput>
    {
        public AddValidator()
        {
            RuleFor(i => i.ToolkitId).NotNull().WithMessage("Choose a toolkit.");
            When(i => i.ToolkitId == 0, () => RuleFor(i => i.NewName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the new toolkit a name."));
            RuleFor(i => i.NewName).MaximumLength(Toolkit.NameMax).WithMessage($"A toolkit's name has at most {Toolkit.NameMax} characters.");
            RuleFor(i => i.Note).MaximumLength(Toolkit.NoteMax).WithMessage($"A note has at most {Toolkit.NoteMax} characters.");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, cancellationToken) || (Resource.IsRetired && !MayCurate))
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Add, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, nameof(Add));
            return Page();
        }

        var actor = await currentUser.ActorAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        Toolkit? toolkit;
        if (Add.ToolkitId == 0)
        {
            toolkit = Toolkit.Create(Add.NewName!, actor, now);
            db.Toolkits.Add(toolkit);
        }
        else
        {
            // Only the owner adds to a toolkit; anyone else's is as if it did not exist.
            toolkit = await db.Toolkits.Include(t => t.Items).SingleOrDefaultAsync(t => t.Id == Add.ToolkitId && t.OwnerId == actor.UserId, cancellationToken);
            if (toolkit is null)
            {
                ModelState.AddModelError($"{nameof(Add)}.{nameof(AddInput.ToolkitId)}", "Choose one of your toolkits.");
                return Page();
            }
        }

        var already = toolkit.Items.Any(i => i.ResourceId == id);
        toolkit.Add(id, Add.Note, now);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = already ? $"This resource is already in “{toolkit.Name}”." : $"Added to “{toolkit.Name}”.";
        return Redirect($"/Resources/{id}");
    }

    public async Task<IActionResult> OnPostRetireAsync(int id, bool retire, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.CurateResources)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        resource.Retire(retire, time.GetUtcNow().UtcDateTime);
        if (await db.SaveIfUnchangedAsync(resource, Version, cancellationToken) != SaveOutcome.Saved)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError(string.Empty, "Someone changed this resource after you opened it, so nothing was saved. The page shows its current state.");
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }

        StatusMessage = retire ? "The resource is retired: the Clearinghouse no longer lists it." : "The resource is published again.";
        return Redirect($"/Resources/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        MayCurate = (await authorization.AuthorizeAsync(User, Policies.CurateResources)).Succeeded;
        var resource = await db.Resources.AsNoTracking()
            .Include(r => r.CoreAreas.OrderBy(a => a.CoreArea!.SortOrder)).ThenInclude(a => a.CoreArea)
            .Include(r => r.AgencySizes)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        // A retired resource is gone for everyone but its curators (toolkits and requests still name it).
        if (resource is null || (resource.IsRetired && !MayCurate))
        {
            return false;
        }

        Resource = resource;
        var userId = currentUser.Id;
        MyToolkits = await db.Toolkits.AsNoTracking().Where(t => t.OwnerId == userId).OrderBy(t => t.Name)
            .Select(t => new Choice(t.Id, t.Name)).ToListAsync(cancellationToken);
        return true;
    }
}
