using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Toolkits;

/// <summary>/Toolkits: the user's toolkits and those shared with them; "Create toolkit".</summary>
public class IndexModel(PortalDbContext db, CurrentUser currentUser, TimeProvider time, IValidator<IndexModel.CreateInput> validator) : PageModel
{
    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public sealed record Row(int Id, string Name, string OwnerName, int Items, DateTime UpdatedAt, string? SharedHow);

    public IReadOnlyList<Row> Mine { get; private set; } = [];
    public IReadOnlyList<Row> SharedWithMe { get; private set; } = [];

    public sealed class CreateInput
    {
        public string? Name { get; set; }
    }

    public sealed class CreateValidator : AbstractValidator<CreateInput>
    {
        public CreateValidator()
        {
            RuleFor(i => i.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the toolkit a name.")
                .MaximumLength(Toolkit.NameMax).WithMessage($"A toolkit's name has at most {Toolkit.NameMax} characters.");
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var toolkit = Toolkit.Create(Input.Name!, await currentUser.ActorAsync(cancellationToken), time.GetUtcNow().UtcDateTime);
        db.Toolkits.Add(toolkit);
        await db.SaveChangesAsync(cancellationToken);
        TempData[DetailsModel.StatusMessageKey] = "Your toolkit is created. Add resources to it from the Clearinghouse with “Add to toolkit”.";
        return Redirect($"/Toolkits/{toolkit.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.Id!;
        Mine = await db.Toolkits.AsNoTracking().Where(t => t.OwnerId == userId).OrderByDescending(t => t.UpdatedAt)
            .Select(t => new Row(t.Id, t.Name, t.OwnerName, t.Items.Count, t.UpdatedAt, t.Shares.Count == 0 ? null : string.Join(", ", t.Shares.Select(s => s.Name))))
            .ToListAsync(cancellationToken);
        SharedWithMe = await db.Toolkits.AsNoTracking().Where(ToolkitAccess.SharedWith(db, userId)).OrderByDescending(t => t.UpdatedAt)
            .Select(t => new Row(t.Id, t.Name, t.OwnerName, t.Items.Count, t.UpdatedAt, null))
            .ToListAsync(cancellationToken);
    }
}
