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

namespace PspPortal.Web.Pages.Grants;

/// <summary>BJA staff enter an award. The eligibility rule (<see cref="CapacityGrant.Ineligibility"/>: the site's
/// engagement has at least two years completed on the award date) is checked here and refused next to the site.</summary>
[Authorize(Policy = Policies.EnterGrants)]
public class NewModel(PortalDbContext db, TimeProvider clock, ServiceClock serviceClock, IValidator<NewModel.InputModel> validator) : PageModel
{
    public const string DefaultSolicitation = "National Public Safety Partnership—Capacity Building Grant Limited Competition";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Choice> Sites { get; private set; } = [];

    public sealed class InputModel
    {
        public int? SiteId { get; set; }
        public int? FiscalYear { get; set; }
        public string? Solicitation { get; set; }
        public string? AwardNumber { get; set; }
        public decimal? Amount { get; set; }
        public DateOnly? AwardedOn { get; set; }
        public DateOnly? PeriodStart { get; set; }
        public DateOnly? PeriodEnd { get; set; }

        internal DateOnly Today { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(i => i.SiteId).NotNull().WithMessage("Choose the site the award went to.");
            RuleFor(i => i.FiscalYear).NotNull().WithMessage("Enter the fiscal year of the solicitation.")
                .InclusiveBetween(2014, 2100).WithMessage("Enter a fiscal year such as 2023.");
            RuleFor(i => i.Solicitation).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the solicitation.")
                .MaximumLength(300).WithMessage("The solicitation has at most 300 characters.");
            RuleFor(i => i.AwardNumber).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the award number.")
                .MaximumLength(40).WithMessage("An award number has at most 40 characters.");
            RuleFor(i => i.Amount).NotNull().WithMessage("Enter the amount in dollars.")
                .GreaterThan(0).WithMessage("The amount must be more than $0.")
                .LessThanOrEqualTo(100_000_000).WithMessage("The amount must be at most $100,000,000.");
            RuleFor(i => i.AwardedOn).NotNull().WithMessage("Enter the date of the award.");
            RuleFor(i => i.AwardedOn!.Value).LessThanOrEqualTo(i => i.Today.AddYears(1)).WithMessage("The award date must be within a year from today.")
                .GreaterThanOrEqualTo(new DateOnly(2014, 1, 1)).WithMessage("The award date cannot be before PSP began in 2014.")
                .When(i => i.AwardedOn is not null).OverridePropertyName(nameof(InputModel.AwardedOn));
            RuleFor(i => i.PeriodStart).NotNull().WithMessage("Enter the first day of the award period.");
            RuleFor(i => i.PeriodEnd).NotNull().WithMessage("Enter the last day of the award period.");
            RuleFor(i => i.PeriodEnd!.Value).GreaterThan(i => i.PeriodStart!.Value).WithMessage("The period must end after it starts.")
                .LessThanOrEqualTo(i => i.PeriodStart!.Value.AddYears(6)).WithMessage("An award period is at most six years.")
                .When(i => i.PeriodEnd is not null && i.PeriodStart is not null).OverridePropertyName(nameof(InputModel.PeriodEnd));
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.Solicitation = DefaultSolicitation;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.Today = serviceClock.Today(clock);
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var site = await db.Sites.Include(s => s.Engagements).SingleOrDefaultAsync(s => s.Id == Input.SiteId, cancellationToken);
        if (site is null)
        {
            ModelState.AddModelError("Input.SiteId", "Choose one of the sites in the list.");
            return Page();
        }

        var number = Input.AwardNumber!.Trim();
        if (await db.CapacityGrants.AnyAsync(g => g.AwardNumber == number, cancellationToken))
        {
            ModelState.AddModelError("Input.AwardNumber", $"An award numbered {number} is already entered.");
            return Page();
        }

        // The rule is the domain's; a refusal is about the site on that date, so it is shown next to the site.
        if (CapacityGrant.Ineligibility(site.DisplayName, site.Engagements, Input.AwardedOn!.Value) is { } refusal)
        {
            ModelState.AddModelError("Input.SiteId", refusal);
            return Page();
        }

        var grant = CapacityGrant.Award(site, Input.FiscalYear!.Value, Input.Solicitation!, number, Input.Amount!.Value, Input.AwardedOn.Value, Input.PeriodStart!.Value, Input.PeriodEnd!.Value);
        db.CapacityGrants.Add(grant);
        if (await db.SaveUnlessRacedAsync(cancellationToken) != SaveOutcome.Saved)
        {
            ModelState.AddModelError("Input.AwardNumber", $"An award numbered {number} was entered by someone else at the same moment.");
            return Page();
        }

        TempData[DetailsModel.StatusMessageKey] = $"Award {grant.AwardNumber} to {site.DisplayName} is entered. Choose the strategies of the site's plan it funds.";
        return Redirect($"/Grants/{grant.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        // Every site, whatever its cohort: an award is entered a few times a year, and the rule (two years completed)
        // answers next to the field, which says more than a site missing from the list.
        Sites = await db.Sites.AsNoTracking().AllSiteChoicesAsync(cancellationToken);
}
