using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Sites;

/// <summary>A site's engagement content: the assessment and its numbered recommendations, the strategic plan's goals
/// and strategies with progress notes, the requests, recommendations and grants linked to each strategy, and the
/// implementation figures. Everyone in scope reads it; the site's liaison and BJA staff write it; the site's points of
/// contact add progress notes. Each change is a small form of its own; a row that two people edit carries its version,
/// so a change made meanwhile is never overwritten (409 with what changed).</summary>
public class PlanModel(PortalDbContext db, SiteScope siteScope, CurrentUser currentUser, PlanQueries planQueries, TimeProvider clock, ServiceClock serviceClock) : PageModel
{
    public const int TextMax = 2000;
    public const int TitleMax = 300;
    public const int OwnerMax = 120;
    public const int FindingsMax = 8000;

    public sealed record SiteView(int Id, string DisplayName);

    public sealed record EngagementView(int Id, string CohortName, DateOnly Start, DateOnly End);

    public sealed record AssessmentView(int Id, DateOnly ConductedOn, string Findings, IReadOnlyList<int> CoreAreaIds, IReadOnlyList<string> CoreAreas, Guid Version);

    public sealed record RecommendationView(int Id, int Number, string Text, string CoreArea, int CoreAreaId, RecommendationPriority Priority, RecommendationStatus Status, string? OwnerName, int? StrategyId, string? StrategyCode, Guid Version);

    public sealed record NoteView(DateOnly WrittenOn, string Text, string AuthorName);

    public sealed record LinkedRequest(int Id, string ReferenceNumber, string Title, TtaStatus Status);

    public sealed record FundingGrant(int Id, string AwardNumber, int FiscalYear, decimal Amount);

    public sealed record StrategyView(
        int Id, int GoalNumber, int Number, string Title, string CoreArea, string? OwnerName, StrategyStatus Status, DateOnly? TargetDate, Guid Version,
        IReadOnlyList<NoteView> Notes, IReadOnlyList<LinkedRequest> Requests, IReadOnlyList<int> Recommendations, IReadOnlyList<FundingGrant> Grants,
        int RequestsCounted, int RequestsDelivered)
    {
        public string Code => PlanStrategy.Code(GoalNumber, Number);
    }

    public sealed record GoalView(int Id, int Number, string Title, Guid Version, IReadOnlyList<StrategyView> Strategies);

    public sealed record Choice(int Id, string Name);

    public sealed class AssessmentInput
    {
        public DateOnly? ConductedOn { get; set; }
        public string? Findings { get; set; }
        public List<int> CoreAreaIds { get; set; } = [];
        public Guid Version { get; set; }
    }

    public sealed class RecommendationInput
    {
        public string? Text { get; set; }
        public int? CoreAreaId { get; set; }
        public RecommendationPriority? Priority { get; set; } = RecommendationPriority.Medium;
        public string? OwnerName { get; set; }
        public int? StrategyId { get; set; }
    }

    public sealed class RecommendationUpdateInput
    {
        public int RecommendationId { get; set; }
        public RecommendationStatus? Status { get; set; }
        public string? OwnerName { get; set; }
        public int? StrategyId { get; set; }
        public Guid Version { get; set; }
    }

    public sealed class GoalInput
    {
        public string? Title { get; set; }
    }

    public sealed class GoalUpdateInput
    {
        public int GoalId { get; set; }
        public string? Title { get; set; }
        public Guid Version { get; set; }
    }

    public sealed class StrategyInput
    {
        public int? GoalId { get; set; }
        public string? Title { get; set; }
        public int? CoreAreaId { get; set; }
        public string? OwnerName { get; set; }
        public DateOnly? TargetDate { get; set; }
    }

    public sealed class StrategyUpdateInput
    {
        public int StrategyId { get; set; }
        public string? Title { get; set; }
        public StrategyStatus? Status { get; set; }
        public string? OwnerName { get; set; }
        public DateOnly? TargetDate { get; set; }
        public Guid Version { get; set; }
    }

    public sealed class NoteInput
    {
        public int? StrategyId { get; set; }
        public DateOnly? WrittenOn { get; set; }
        public string? Text { get; set; }
    }

    public sealed class LinkInput
    {
        public int? RequestId { get; set; }
        public int? StrategyId { get; set; }
    }

    public sealed class AssessmentValidator : AbstractValidator<AssessmentInput>
    {
        public AssessmentValidator()
        {
            RuleFor(i => i.ConductedOn).NotNull().WithMessage("Enter the date the assessment was conducted.");
            RuleFor(i => i.Findings).Must(Written).WithMessage("Write what the assessment found.")
                .MaximumLength(FindingsMax).WithMessage($"The findings have at most {FindingsMax:N0} characters.");
            RuleFor(i => i.CoreAreaIds).NotEmpty().WithMessage("Choose at least one core area the assessment looked at.");
        }
    }

    public sealed class RecommendationValidator : AbstractValidator<RecommendationInput>
    {
        public RecommendationValidator()
        {
            RuleFor(i => i.Text).Must(Written).WithMessage("Write the recommendation.")
                .MaximumLength(TextMax).WithMessage($"A recommendation has at most {TextMax:N0} characters.");
            RuleFor(i => i.CoreAreaId).NotNull().WithMessage("Choose a core area.");
            RuleFor(i => i.Priority).NotNull().WithMessage("Choose a priority.").IsInEnum().WithMessage("Choose a priority.");
            RuleFor(i => i.OwnerName).MaximumLength(OwnerMax).WithMessage($"An owner's name has at most {OwnerMax} characters.");
        }
    }

    public sealed class RecommendationUpdateValidator : AbstractValidator<RecommendationUpdateInput>
    {
        public RecommendationUpdateValidator()
        {
            RuleFor(i => i.Status).NotNull().WithMessage("Choose a status.").IsInEnum().WithMessage("Choose a status.");
            RuleFor(i => i.OwnerName).MaximumLength(OwnerMax).WithMessage($"An owner's name has at most {OwnerMax} characters.");
        }
    }

    public sealed class GoalValidator : AbstractValidator<GoalInput>
    {
        public GoalValidator() =>
            RuleFor(i => i.Title).Must(Written).WithMessage("Give the goal a title.")
                .MaximumLength(TitleMax).WithMessage($"A goal's title has at most {TitleMax} characters.");
    }

    public sealed class GoalUpdateValidator : AbstractValidator<GoalUpdateInput>
    {
        public GoalUpdateValidator() =>
            RuleFor(i => i.Title).Must(Written).WithMessage("Give the goal a title.")
                .MaximumLength(TitleMax).WithMessage($"A goal's title has at most {TitleMax} characters.");
    }

    public sealed class StrategyValidator : AbstractValidator<StrategyInput>
    {
        public StrategyValidator()
        {
            RuleFor(i => i.GoalId).NotNull().WithMessage("Choose the goal the strategy serves.");
            RuleFor(i => i.Title).Must(Written).WithMessage("Give the strategy a title.")
                .MaximumLength(TitleMax).WithMessage($"A strategy's title has at most {TitleMax} characters.");
            RuleFor(i => i.CoreAreaId).NotNull().WithMessage("Choose a core area.");
            RuleFor(i => i.OwnerName).MaximumLength(OwnerMax).WithMessage($"An owner's name has at most {OwnerMax} characters.");
        }
    }

    public sealed class StrategyUpdateValidator : AbstractValidator<StrategyUpdateInput>
    {
        public StrategyUpdateValidator()
        {
            RuleFor(i => i.Title).Must(Written).WithMessage("Give the strategy a title.")
                .MaximumLength(TitleMax).WithMessage($"A strategy's title has at most {TitleMax} characters.");
            RuleFor(i => i.Status).NotNull().WithMessage("Choose a status.").IsInEnum().WithMessage("Choose a status.");
            RuleFor(i => i.OwnerName).MaximumLength(OwnerMax).WithMessage($"An owner's name has at most {OwnerMax} characters.");
        }
    }

    public sealed class NoteValidator : AbstractValidator<NoteInput>
    {
        public NoteValidator()
        {
            RuleFor(i => i.StrategyId).NotNull().WithMessage("Choose the strategy the note is about.");
            RuleFor(i => i.WrittenOn).NotNull().WithMessage("Enter the date of the note.");
            RuleFor(i => i.Text).Must(Written).WithMessage("Write the progress note.")
                .MaximumLength(TextMax).WithMessage($"A progress note has at most {TextMax:N0} characters.");
        }
    }

    public sealed class LinkValidator : AbstractValidator<LinkInput>
    {
        public LinkValidator()
        {
            RuleFor(i => i.RequestId).NotNull().WithMessage("Choose the TTA request to link.");
            RuleFor(i => i.StrategyId).NotNull().WithMessage("Choose the strategy the request serves.");
        }
    }

    private static bool Written(string? text) => !string.IsNullOrWhiteSpace(text);

    [BindProperty]
    public AssessmentInput Assess { get; set; } = new();

    [BindProperty]
    public RecommendationInput Recommend { get; set; } = new();

    [BindProperty]
    public RecommendationUpdateInput RecommendationUpdate { get; set; } = new();

    [BindProperty]
    public GoalInput Goal { get; set; } = new();

    [BindProperty]
    public GoalUpdateInput GoalUpdate { get; set; } = new();

    [BindProperty]
    public StrategyInput Strategy { get; set; } = new();

    [BindProperty]
    public StrategyUpdateInput StrategyUpdate { get; set; } = new();

    [BindProperty]
    public NoteInput Note { get; set; } = new();

    [BindProperty]
    public LinkInput Link { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public SiteView Site { get; private set; } = null!;
    public EngagementView? Engagement { get; private set; }
    public PlanAccess Access { get; private set; }
    public DateOnly Today { get; private set; }
    public AssessmentView? Assessment { get; private set; }
    public IReadOnlyList<RecommendationView> Recommendations { get; private set; } = [];
    public IReadOnlyList<GoalView> Goals { get; private set; } = [];
    public IReadOnlyList<StrategyView> Strategies => [.. Goals.SelectMany(g => g.Strategies)];
    public IReadOnlyList<Choice> CoreAreas { get; private set; } = [];
    public IReadOnlyList<LinkedRequest> UnlinkedRequests { get; private set; } = [];
    public PlanCounts Figures { get; private set; }
    public string FiguresSvg { get; private set; } = string.Empty;

    /// <summary>The recommendation or strategy whose own form was refused: its form is open and its fields carry the
    /// ids the error summary links to.</summary>
    public int? FailedRecommendationId { get; private set; }
    public int? FailedGoalId { get; private set; }
    public int? FailedStrategyId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Assess.ConductedOn = Assessment?.ConductedOn;
        Assess.Findings = Assessment?.Findings;
        Assess.CoreAreaIds = [.. Assessment?.CoreAreaIds ?? []];
        Assess.Version = Assessment?.Version ?? Guid.Empty;
        Note.WrittenOn = Today;
        return Page();
    }

    public Task<IActionResult> OnPostAssessmentAsync(int id, [FromServices] IValidator<AssessmentInput> validator, CancellationToken cancellationToken) =>
        WriteAsync(id, PlanAccess.Write, nameof(Assess), "Assess.ConductedOn", validator.ValidateAsync(Assess, cancellationToken), async engagementId =>
        {
            var engagement = await db.Engagements.Include(e => e.Assessment!).ThenInclude(a => a.CoreAreas).SingleAsync(e => e.Id == engagementId, cancellationToken);
            var areas = await ActiveCoreAreaIdsAsync(cancellationToken);
            if (Assess.CoreAreaIds.Any(a => !areas.Contains(a)))
            {
                return Refusal.Field("Assess.CoreAreaIds", "Choose core areas from the list.");
            }

            if (engagement.Assessment is { } assessment)
            {
                if (assessment.Version != Assess.Version)
                {
                    return Refusal.Stale($"Someone else changed the assessment after you opened this page (it is now dated {DateRange.Words(assessment.ConductedOn)}), so your change was not saved.");
                }

                assessment.Engagement = engagement;
                assessment.Revise(Assess.ConductedOn!.Value, Assess.Findings!, Assess.CoreAreaIds);
                db.Entry(assessment).Property(a => a.Version).OriginalValue = Assess.Version;
                return Refusal.None("The assessment is saved.");
            }

            if (Assess.Version != Guid.Empty)
            {
                return Refusal.Stale("The assessment was removed after you opened this page, so your change was not saved.");
            }

            engagement.RecordAssessment(Assess.ConductedOn!.Value, Assess.Findings!, Assess.CoreAreaIds);
            return Refusal.None("The assessment is recorded. Add its recommendations below.");
        }, cancellationToken);

    public Task<IActionResult> OnPostRecommendationAsync(int id, [FromServices] IValidator<RecommendationInput> validator, CancellationToken cancellationToken) =>
        WriteAsync(id, PlanAccess.Write, nameof(Recommend), "Recommend.Text", validator.ValidateAsync(Recommend, cancellationToken), async engagementId =>
        {
            var assessment = await db.Assessments.Include(a => a.Recommendations).SingleOrDefaultAsync(a => a.EngagementId == engagementId, cancellationToken);
            if (assessment is null)
            {
                return Refusal.Field(string.Empty, "Record the assessment first: recommendations belong to it.");
            }

            if (!(await ActiveCoreAreaIdsAsync(cancellationToken)).Contains(Recommend.CoreAreaId!.Value))
            {
                return Refusal.Field("Recommend.CoreAreaId", "Choose one of the core areas in the list.");
            }

            if (Recommend.StrategyId is { } strategyId && !await StrategyOfAsync(engagementId, strategyId, cancellationToken))
            {
                return Refusal.Field("Recommend.StrategyId", "Choose a strategy of this plan.");
            }

            var added = assessment.AddRecommendation(Recommend.Text!, Recommend.CoreAreaId!.Value, Recommend.Priority!.Value, Recommend.OwnerName);
            added.StrategyId = Recommend.StrategyId;
            return Refusal.None($"Recommendation {added.Number} is added.");
        }, cancellationToken);

    public Task<IActionResult> OnPostUpdateRecommendationAsync(int id, [FromServices] IValidator<RecommendationUpdateInput> validator, CancellationToken cancellationToken)
    {
        FailedRecommendationId = RecommendationUpdate.RecommendationId;
        return WriteAsync(id, PlanAccess.Write, nameof(RecommendationUpdate), "RecommendationUpdate.Status", validator.ValidateAsync(RecommendationUpdate, cancellationToken), async engagementId =>
        {
            var recommendation = await db.Recommendations.Include(r => r.Strategy).ThenInclude(s => s!.Goal)
                .SingleOrDefaultAsync(r => r.Id == RecommendationUpdate.RecommendationId && r.Assessment!.EngagementId == engagementId, cancellationToken);
            if (recommendation is null)
            {
                return Refusal.NotFound;
            }

            if (recommendation.Version != RecommendationUpdate.Version)
            {
                var served = recommendation.Strategy is { Goal: { } goal } s ? $", served by strategy {PlanStrategy.Code(goal.Number, s.Number)}" : string.Empty;
                return Refusal.Stale($"Someone else changed recommendation {recommendation.Number} after you opened this page, so your change was not saved: it is now {StatusLabel(recommendation.Status)}{served}, owned by {recommendation.OwnerName ?? "no one"}.");
            }

            if (RecommendationUpdate.StrategyId is { } strategyId && !await StrategyOfAsync(engagementId, strategyId, cancellationToken))
            {
                return Refusal.Field("RecommendationUpdate.StrategyId", "Choose a strategy of this plan.");
            }

            recommendation.Update(RecommendationUpdate.Status!.Value, RecommendationUpdate.OwnerName, RecommendationUpdate.StrategyId);
            db.Entry(recommendation).Property(r => r.Version).OriginalValue = RecommendationUpdate.Version;
            return Refusal.None($"Recommendation {recommendation.Number} is saved.");
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostGoalAsync(int id, [FromServices] IValidator<GoalInput> validator, CancellationToken cancellationToken) =>
        WriteAsync(id, PlanAccess.Write, nameof(Goal), "Goal.Title", validator.ValidateAsync(Goal, cancellationToken), async engagementId =>
        {
            var engagement = await db.Engagements.Include(e => e.Goals).SingleAsync(e => e.Id == engagementId, cancellationToken);
            var goal = engagement.AddGoal(Goal.Title!);
            return Refusal.None($"Goal {goal.Number} is added. Add its strategies below.");
        }, cancellationToken);

    public Task<IActionResult> OnPostUpdateGoalAsync(int id, [FromServices] IValidator<GoalUpdateInput> validator, CancellationToken cancellationToken)
    {
        FailedGoalId = GoalUpdate.GoalId;
        return WriteAsync(id, PlanAccess.Write, nameof(GoalUpdate), "GoalUpdate.Title", validator.ValidateAsync(GoalUpdate, cancellationToken), async engagementId =>
        {
            var goal = await db.PlanGoals.SingleOrDefaultAsync(g => g.Id == GoalUpdate.GoalId && g.EngagementId == engagementId, cancellationToken);
            if (goal is null)
            {
                return Refusal.NotFound;
            }

            if (goal.Version != GoalUpdate.Version)
            {
                return Refusal.Stale($"Someone else changed goal {goal.Number} after you opened this page, so your change was not saved: it now reads \"{goal.Title}\".");
            }

            goal.Rename(GoalUpdate.Title);
            db.Entry(goal).Property(g => g.Version).OriginalValue = GoalUpdate.Version;
            return Refusal.None($"Goal {goal.Number} is saved.");
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostStrategyAsync(int id, [FromServices] IValidator<StrategyInput> validator, CancellationToken cancellationToken) =>
        WriteAsync(id, PlanAccess.Write, nameof(Strategy), "Strategy.TargetDate", validator.ValidateAsync(Strategy, cancellationToken), async engagementId =>
        {
            var goal = await db.PlanGoals.Include(g => g.Strategies).Include(g => g.Engagement)
                .SingleOrDefaultAsync(g => g.Id == Strategy.GoalId && g.EngagementId == engagementId, cancellationToken);
            if (goal is null)
            {
                return Refusal.Field("Strategy.GoalId", "Choose one of this plan's goals.");
            }

            if (!(await ActiveCoreAreaIdsAsync(cancellationToken)).Contains(Strategy.CoreAreaId!.Value))
            {
                return Refusal.Field("Strategy.CoreAreaId", "Choose one of the core areas in the list.");
            }

            var strategy = goal.AddStrategy(Strategy.Title!, Strategy.CoreAreaId!.Value, Strategy.OwnerName, Strategy.TargetDate);
            return Refusal.None($"Strategy {PlanStrategy.Code(goal.Number, strategy.Number)} is added.");
        }, cancellationToken);

    public Task<IActionResult> OnPostUpdateStrategyAsync(int id, [FromServices] IValidator<StrategyUpdateInput> validator, CancellationToken cancellationToken)
    {
        FailedStrategyId = StrategyUpdate.StrategyId;
        return WriteAsync(id, PlanAccess.Write, nameof(StrategyUpdate), "StrategyUpdate.TargetDate", validator.ValidateAsync(StrategyUpdate, cancellationToken), async engagementId =>
        {
            var strategy = await db.PlanStrategies.Include(s => s.Goal).ThenInclude(g => g!.Engagement)
                .SingleOrDefaultAsync(s => s.Id == StrategyUpdate.StrategyId && s.Goal!.EngagementId == engagementId, cancellationToken);
            if (strategy is null)
            {
                return Refusal.NotFound;
            }

            var code = PlanStrategy.Code(strategy.Goal!.Number, strategy.Number);
            if (strategy.Version != StrategyUpdate.Version)
            {
                return Refusal.Stale($"Someone else changed strategy {code} after you opened this page, so your change was not saved: it is now {StatusLabel(strategy.Status)}, " +
                    $"owned by {strategy.OwnerName ?? "no one"}, with {(strategy.TargetDate is { } t ? $"the target date {DateRange.Words(t)}" : "no target date")}.");
            }

            strategy.Update(StrategyUpdate.Title, StrategyUpdate.Status!.Value, StrategyUpdate.OwnerName, StrategyUpdate.TargetDate);
            db.Entry(strategy).Property(s => s.Version).OriginalValue = StrategyUpdate.Version;
            return Refusal.None($"Strategy {code} is saved.");
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostNoteAsync(int id, [FromServices] IValidator<NoteInput> validator, CancellationToken cancellationToken) =>
        WriteAsync(id, PlanAccess.Notes, nameof(Note), "Note.WrittenOn", validator.ValidateAsync(Note, cancellationToken), async engagementId =>
        {
            var strategy = await db.PlanStrategies.Include(s => s.Goal)
                .SingleOrDefaultAsync(s => s.Id == Note.StrategyId && s.Goal!.EngagementId == engagementId, cancellationToken);
            if (strategy is null)
            {
                return Refusal.Field("Note.StrategyId", "Choose one of this plan's strategies.");
            }

            strategy.AddNote(Note.WrittenOn!.Value, Note.Text!, Today, await currentUser.ActorAsync(cancellationToken), clock.GetUtcNow().UtcDateTime);
            return Refusal.None($"The progress note on strategy {PlanStrategy.Code(strategy.Goal!.Number, strategy.Number)} is added.");
        }, cancellationToken);

    public Task<IActionResult> OnPostLinkAsync(int id, [FromServices] IValidator<LinkInput> validator, CancellationToken cancellationToken) =>
        WriteAsync(id, PlanAccess.Write, nameof(Link), "Link.RequestId", validator.ValidateAsync(Link, cancellationToken), async engagementId =>
        {
            var strategy = await db.PlanStrategies.AsNoTracking().Where(s => s.Id == Link.StrategyId && s.Goal!.EngagementId == engagementId)
                .Select(s => new { s.Id, GoalNumber = s.Goal!.Number, s.Number, s.Goal.Engagement!.SiteId }).SingleOrDefaultAsync(cancellationToken);
            if (strategy is null)
            {
                return Refusal.Field("Link.StrategyId", "Choose one of this plan's strategies.");
            }

            var request = await db.TtaRequests.Include(r => r.Strategy).ThenInclude(s => s!.Goal)
                .SingleOrDefaultAsync(r => r.Id == Link.RequestId && r.SiteId == id, cancellationToken);
            if (request is null)
            {
                return Refusal.Field("Link.RequestId", "Choose one of this site's requests.");
            }

            if (request.Strategy is { Goal: { } goal } current)
            {
                // The list offered only requests without a strategy: someone linked this one meanwhile.
                return Refusal.Stale($"{request.ReferenceNumber} was linked to strategy {PlanStrategy.Code(goal.Number, current.Number)} by someone else after you opened this page, so nothing was saved. Change its strategy on the request's page if it should serve another.");
            }

            var version = request.Version;
            request.ServeStrategy(strategy.Id, strategy.SiteId);
            db.Entry(request).Property(r => r.Version).OriginalValue = version;
            return Refusal.None($"{request.ReferenceNumber} now serves strategy {PlanStrategy.Code(strategy.GoalNumber, strategy.Number)}.");
        }, cancellationToken);

    public static string StatusLabel(StrategyStatus status) => PlanLabels.Of(status);

    public static string StatusLabel(RecommendationStatus status) => PlanLabels.Of(status);

    public static string StatusLabel(TtaStatus status) => TtaWorkflow.StatusDisplay(status);

    /// <summary>The id of a field of a recommendation's or strategy's own form: the ModelState key's id for the form
    /// that was refused (the error summary links there), a per-item id for the others.</summary>
    public static string FieldId(string key, int itemId, int? failedId) =>
        itemId == failedId ? Microsoft.AspNetCore.Mvc.Rendering.TagBuilder.CreateSanitizedId(key, "_") : $"{key.Replace('.', '-')}-{itemId}";

    /// <summary>The outcome of a change: saved (with the message to show), or refused at a field, as stale or as not found.</summary>
    private sealed record Refusal(string? Key, string? Message, int Status, string? Done)
    {
        public static Refusal NotFound { get; } = new(null, null, StatusCodes.Status404NotFound, null);

        public static Refusal None(string done) => new(null, null, StatusCodes.Status200OK, done);

        public static Refusal Field(string key, string message) => new(key, message, StatusCodes.Status200OK, null);

        public static Refusal Stale(string message) => new(string.Empty, message + " The page shows it as it is now; make your change again if it is still needed.", StatusCodes.Status409Conflict, null);
    }

    /// <summary>Checks scope and the right to act, validates the form, lets <paramref name="change"/> change the tracked
    /// entities and saves. A domain refusal is shown next to <paramref name="domainKey"/>; a stale version or a number
    /// taken meanwhile answers 409 with the page as it is now.</summary>
    private async Task<IActionResult> WriteAsync(
        int id,
        PlanAccess needed,
        string prefix,
        string domainKey,
        Task<FluentValidation.Results.ValidationResult> validation,
        Func<int, Task<Refusal>> change,
        CancellationToken cancellationToken)
    {
        if (!await siteScope.CanSeeSiteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var engagementId = await db.Engagements.AsNoTracking().Where(e => e.SiteId == id).OrderByDescending(e => e.StartDate)
            .Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);

        var access = await siteScope.PlanAccessAsync(id, cancellationToken);
        if (access < needed || (needed == PlanAccess.Notes && !access.CanAddNotes()))
        {
            return Forbid();
        }

        Today = serviceClock.Today(clock);
        if (engagementId is null)
        {
            return await ShowAsync(id, string.Empty, "This site has no engagement, so it has no plan yet.", StatusCodes.Status200OK, cancellationToken);
        }

        // Only the fields of the form that was sent are checked: the others bound empty.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal) && k != "__RequestVerificationToken").ToList())
        {
            ModelState.Remove(key);
        }

        var result = await validation;
        foreach (var error in result.Errors)
        {
            var key = $"{prefix}.{error.PropertyName}";
            if (ModelState[key] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError(key, error.ErrorMessage);
            }
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, null, null, StatusCodes.Status200OK, cancellationToken);
        }

        Refusal outcome;
        try
        {
            outcome = await change(engagementId.Value);
        }
        catch (PlanException e)
        {
            return await ShowAsync(id, domainKey, e.Message, StatusCodes.Status200OK, cancellationToken);
        }

        if (outcome.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        if (outcome.Done is null)
        {
            return await ShowAsync(id, outcome.Key, outcome.Message, outcome.Status, cancellationToken);
        }

        switch (await db.SaveUnlessRacedAsync(cancellationToken))
        {
            case SaveOutcome.ChangedByOthers:
                return await ShowAsync(id, string.Empty, "Someone else changed this after you opened the page, so your change was not saved. The page shows it as it is now; make your change again if it is still needed.", StatusCodes.Status409Conflict, cancellationToken);
            case SaveOutcome.NumberTaken:
                // A unique number (goal, strategy, recommendation) given to someone else's addition at the same moment.
                return await ShowAsync(id, string.Empty, "Someone else added to the plan at the same moment, so your addition was not saved. The page shows the plan as it is now; add it again.", StatusCodes.Status409Conflict, cancellationToken);
        }

        StatusMessage = outcome.Done;
        return Redirect($"/Sites/{id}/Plan");
    }

    private async Task<IActionResult> ShowAsync(int id, string? key, string? message, int status, CancellationToken cancellationToken)
    {
        if (key is not null && message is not null)
        {
            ModelState.AddModelError(key, message);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        if (status == StatusCodes.Status409Conflict)
        {
            // The forms carry the versions as they are now; what the user typed in the others stays.
            ModelState.Remove("Assess.Version");
            Assess.Version = Assessment?.Version ?? Guid.Empty;
            FailedStrategyId = null;
            FailedGoalId = null;
            FailedRecommendationId = null;
        }

        Response.StatusCode = status;
        return Page();
    }

    private async Task<HashSet<int>> ActiveCoreAreaIdsAsync(CancellationToken cancellationToken) =>
        [.. await db.CoreAreas.AsNoTracking().Where(c => c.IsActive).Select(c => c.Id).ToListAsync(cancellationToken)];

    private Task<bool> StrategyOfAsync(int engagementId, int strategyId, CancellationToken cancellationToken) =>
        db.PlanStrategies.AsNoTracking().AnyAsync(s => s.Id == strategyId && s.Goal!.EngagementId == engagementId, cancellationToken);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var site = await db.Sites.AsNoTracking().InScope(scope).Where(s => s.Id == id)
            .Select(s => new SiteView(s.Id, s.Name + ", " + s.State)).SingleOrDefaultAsync(cancellationToken);
        if (site is null)
        {
            return false;
        }

        Site = site;
        Today = serviceClock.Today(clock);
        Access = await siteScope.PlanAccessAsync(id, cancellationToken);
        CoreAreas = await db.CoreAreas.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken);
        Engagement = await db.Engagements.AsNoTracking().Where(e => e.SiteId == id).OrderByDescending(e => e.StartDate)
            .Select(e => new EngagementView(e.Id, e.Cohort!.Name, e.StartDate, e.EndDate)).FirstOrDefaultAsync(cancellationToken);
        if (Engagement is not { } engagement)
        {
            return true;
        }

        Assessment = await db.Assessments.AsNoTracking().Where(a => a.EngagementId == engagement.Id)
            .Select(a => new AssessmentView(
                a.Id, a.ConductedOn, a.Findings,
                a.CoreAreas.OrderBy(c => c.CoreArea!.SortOrder).Select(c => c.CoreAreaId).ToList(),
                a.CoreAreas.OrderBy(c => c.CoreArea!.SortOrder).Select(c => c.CoreArea!.Name).ToList(),
                a.Version))
            .SingleOrDefaultAsync(cancellationToken);
        Recommendations = await db.Recommendations.AsNoTracking().Where(r => r.Assessment!.EngagementId == engagement.Id).OrderBy(r => r.Number)
            .Select(r => new RecommendationView(
                r.Id, r.Number, r.Text, r.CoreArea!.Name, r.CoreAreaId, r.Priority, r.Status, r.OwnerName, r.StrategyId,
                r.Strategy == null ? null : r.Strategy.Goal!.Number + "." + r.Strategy.Number, r.Version))
            .ToListAsync(cancellationToken);

        var counted = PlanFigures.CountedRequest;
        var delivered = PlanFigures.DeliveredRequest;
        var strategies = await db.PlanStrategies.AsNoTracking().Where(s => s.Goal!.EngagementId == engagement.Id)
            .OrderBy(s => s.Goal!.Number).ThenBy(s => s.Number)
            .Select(s => new
            {
                s.GoalId,
                View = new StrategyView(
                    s.Id, s.Goal!.Number, s.Number, s.Title, s.CoreArea!.Name, s.OwnerName, s.Status, s.TargetDate, s.Version,
                    s.Notes.OrderByDescending(n => n.WrittenOn).ThenByDescending(n => n.Id).Select(n => new NoteView(n.WrittenOn, n.Text, n.AuthorName)).ToList(),
                    s.Requests.OrderBy(r => r.CreatedAt).Select(r => new LinkedRequest(r.Id, r.ReferenceNumber, r.Title, r.Status)).ToList(),
                    s.Recommendations.OrderBy(r => r.Number).Select(r => r.Number).ToList(),
                    s.Grants.OrderBy(g => g.GrantId).Select(g => new FundingGrant(g.GrantId, g.Grant!.AwardNumber, g.Grant.FiscalYear, g.Grant.Amount)).ToList(),
                    s.Requests.AsQueryable().Count(counted),
                    s.Requests.AsQueryable().Count(delivered)),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        Goals = await db.PlanGoals.AsNoTracking().Where(g => g.EngagementId == engagement.Id).OrderBy(g => g.Number)
            .Select(g => new { g.Id, g.Number, g.Title, g.Version }).ToListAsync(cancellationToken) is var goals
            ? goals.Select(g => new GoalView(g.Id, g.Number, g.Title, g.Version, strategies.Where(s => s.GoalId == g.Id).Select(s => s.View).ToList())).ToList()
            : [];
        UnlinkedRequests = await db.TtaRequests.AsNoTracking()
            .Where(r => r.SiteId == id && r.StrategyId == null && r.Status != TtaStatus.Declined && r.Status != TtaStatus.Withdrawn)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new LinkedRequest(r.Id, r.ReferenceNumber, r.Title, r.Status))
            .ToListAsync(cancellationToken);

        Figures = await planQueries.CountAsync(engagement.Id, cancellationToken);
        FiguresSvg = PlanPicture.Render("plan-figure", site.DisplayName, Figures, Goals);
        return true;
    }
}
