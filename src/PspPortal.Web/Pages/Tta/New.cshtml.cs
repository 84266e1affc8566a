using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;

namespace PspPortal.Web.Pages.Tta;

[Authorize(Policy = Policies.SubmitRequests)]
public class NewModel(
    PortalDbContext db,
    SiteScope siteScope,
    CurrentUser currentUser,
    ReferenceNumbers referenceNumbers,
    ServiceClock serviceClock,
    TimeProvider time,
    IValidator<NewModel.InputModel> validator) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Choice> Sites { get; private set; } = [];
    public IReadOnlyList<Choice> CoreAreas { get; private set; } = [];

    /// <summary>The strategies of the current plans of the sites offered, by site, for "Strategy it serves".</summary>
    public IReadOnlyList<StrategyChoice> Strategies { get; private set; } = [];

    public sealed record StrategyChoice(int Id, int SiteId, string Label);

    public sealed record Choice(int Id, string Name);

    public sealed class InputModel
    {
        public int? SiteId { get; set; }
        public int? CoreAreaId { get; set; }
        public string Title { get; set; } = string.Empty;
        public string Description { get; set; } = string.Empty;
        public string DesiredOutcome { get; set; } = string.Empty;
        public DeliveryMode? DeliveryMode { get; set; }
        public TtaPriority? Priority { get; set; } = TtaPriority.Routine;
        public DateOnly? NeededBy { get; set; }

        /// <summary>The strategy of the site's plan the request serves (optional).</summary>
        public int? StrategyId { get; set; }

        /// <summary>Today in the program's calendar, set by the page before validating (not bound from the form).</summary>
        internal DateOnly Today { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public const int TitleMax = 200;
        public const int DescriptionMax = 4000;
        public const int OutcomeMax = 2000;

        public Validator()
        {
            RuleFor(i => i.SiteId).NotNull().WithMessage("Choose the site the request is for.");
            RuleFor(i => i.CoreAreaId).NotNull().WithMessage("Choose a core area.");
            RuleFor(i => i.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter a title.")
                .MaximumLength(TitleMax).WithMessage($"A title has at most {TitleMax} characters.");
            RuleFor(i => i.Description).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Describe the need.")
                .MaximumLength(DescriptionMax).WithMessage($"The description has at most {DescriptionMax} characters.");
            RuleFor(i => i.DesiredOutcome).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Describe the outcome you want.")
                .MaximumLength(OutcomeMax).WithMessage($"The desired outcome has at most {OutcomeMax} characters.");
            RuleFor(i => i.DeliveryMode).NotNull().WithMessage("Choose a preferred delivery mode.")
                .IsInEnum().WithMessage("Choose a preferred delivery mode.");
            RuleFor(i => i.Priority).NotNull().WithMessage("Choose a priority.")
                .IsInEnum().WithMessage("Choose a priority.");
            RuleFor(i => i.NeededBy).NotNull().WithMessage("Enter the date you need the assistance by.");
            RuleFor(i => i.NeededBy!.Value).GreaterThanOrEqualTo(i => TtaDates.NeededBy(i.Today).First).WithMessage("The needed-by date must be in the future.")
                .LessThanOrEqualTo(i => TtaDates.NeededBy(i.Today).Last).WithMessage("The needed-by date must be within two years from today.")
                .When(i => i.NeededBy is not null).OverridePropertyName(nameof(InputModel.NeededBy));
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken);
        if (Sites.Count == 1)
        {
            Input.SiteId = Sites[0].Id;
        }
    }

    /// <summary>"Submit request" submits at once; "Save as draft" keeps it for later.</summary>
    public async Task<IActionResult> OnPostAsync(bool draft, CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        Input.Today = serviceClock.DayOf(now);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        validation.AddTo(ModelState);

        // The lists hold only what may be chosen: a site in scope, an active core area.
        if (Input.SiteId is { } siteId && Sites.All(s => s.Id != siteId))
        {
            ModelState.AddModelError("Input.SiteId", "Choose one of your sites.");
        }

        if (Input.CoreAreaId is { } areaId && CoreAreas.All(a => a.Id != areaId))
        {
            ModelState.AddModelError("Input.CoreAreaId", "Choose one of the core areas in the list.");
        }

        if (Input.StrategyId is { } strategyId && Strategies.FirstOrDefault(s => s.Id == strategyId) is var strategy
            && (strategy is null || (Input.SiteId is { } chosen && strategy.SiteId != chosen)))
        {
            ModelState.AddModelError("Input.StrategyId", "Choose a strategy of the chosen site's plan, or none.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await currentUser.ActorAsync(cancellationToken);
        var request = new TtaRequest
        {
            ReferenceNumber = await referenceNumbers.NextAsync(Input.Today.Year, cancellationToken),
            SiteId = Input.SiteId!.Value,
            CoreAreaId = Input.CoreAreaId!.Value,
            Title = Input.Title.Trim(),
            Description = Input.Description.Trim(),
            DesiredOutcome = Input.DesiredOutcome.Trim(),
            DeliveryMode = Input.DeliveryMode!.Value,
            Priority = Input.Priority!.Value,
            NeededBy = Input.NeededBy!.Value,
            RequesterId = user.UserId,
            RequesterName = user.Name,
            Status = TtaStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            StrategyId = Input.StrategyId,
        };

        if (!draft)
        {
            request.Apply(TtaAction.Submit, user, now, null, serviceClock);
        }

        db.TtaRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        TempData[DetailsModel.StatusMessageKey] = draft
            ? $"Draft {request.ReferenceNumber} saved. Submit it when it is ready."
            : $"Request {request.ReferenceNumber} submitted. The site's liaison will review it.";
        return Redirect($"/Tta/{request.Id}");
    }


    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        Sites = await db.Sites.AsNoTracking().InScope(scope).OrderBy(s => s.Name).ThenBy(s => s.State)
            .Select(s => new Choice(s.Id, s.Name + ", " + s.State)).ToListAsync(cancellationToken);
        CoreAreas = await db.CoreAreas.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken);
        var siteIds = Sites.Select(s => s.Id).ToList();
        Strategies = (await db.PlanStrategies.AsNoTracking()
            .Where(s => siteIds.Contains(s.Goal!.Engagement!.SiteId) && s.Status != StrategyStatus.Dropped
                && s.Goal.EngagementId == s.Goal.Engagement.Site!.Engagements.OrderByDescending(e => e.StartDate).Select(e => e.Id).FirstOrDefault())
            .OrderBy(s => s.Goal!.Engagement!.Site!.Name).ThenBy(s => s.Goal!.Number).ThenBy(s => s.Number)
            .Select(s => new { s.Id, s.Goal!.Engagement!.SiteId, Goal = s.Goal.Number, s.Number, s.Title })
            .ToListAsync(cancellationToken))
            .Select(s => new StrategyChoice(s.Id, s.SiteId, $"{PlanStrategy.Code(s.Goal, s.Number)} {s.Title}"))
            .ToList();
    }
}
