using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using LinqKit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Api;

/// <summary>The read-only JSON API under /api/v1: sites, cohorts, requests, milestones and plan figures, scoped exactly
/// like the pages (the same <see cref="SiteScope"/>, InScope filters and Pages/Shared queries), authenticated by
/// personal access token only (<see cref="ApiTokenAuthenticationHandler"/>), paged by opaque cursors
/// (<see cref="ApiCursor"/>), rate limited per token (<see cref="ApiRateLimiter"/>), described at /openapi/v1.json.</summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const string Policy = "Api";
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .Validate(o => o.RequestsPerMinute > 0 && o.DefaultPageSize > 0 && o.MaxPageSize >= o.DefaultPageSize,
                "Api needs a positive RequestsPerMinute and DefaultPageSize, and MaxPageSize at least DefaultPageSize.")
            .ValidateOnStart();
        services.AddScoped<PersonalAccessTokens>();
        services.AddSingleton<ApiCursor>();
        services.AddScoped<ApiArguments>();
        services.AddSingleton<ApiRateLimiter>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(DocumentName, ApiDocument.Configure);
        return services;
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        // The document describes the API's shape, not its data: anyone may read it, like the reference page's words.
        endpoints.MapOpenApi(DocumentPath).AllowAnonymous().ExcludeFromDescription();

        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(Policy)
            // The one limiter of the app (a singleton): AddEndpointFilter<T> would make a new filter for every request.
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<ApiRateLimiter>().InvokeAsync(context, next))
            .WithTags("PSP Portal")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/sites", ListSitesAsync).WithName("ListSites")
            .WithSummary("Sites in your scope")
            .WithDescription("Every site you may see, in id order, with its current engagement and the figures of the site list.")
            .Produces<ApiPage<ApiSite>>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/sites/{id:int}", GetSiteAsync).WithName("GetSite")
            .WithSummary("One site")
            .WithDescription("A site in your scope; 404 when it does not exist or is outside your scope.")
            .Produces<ApiSite>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/sites/{id:int}/plan", GetSitePlanAsync).WithName("GetSitePlan")
            .WithSummary("A site's plan implementation figures")
            .WithDescription("For each engagement of the site, latest first: strategies implemented, recommendations addressed, requests delivered.")
            .Produces<ApiSitePlan>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/cohorts", ListCohortsAsync).WithName("ListCohorts")
            .WithSummary("Cohorts in your scope")
            .WithDescription("The cohorts with an engagement of a site you may see, in id order, with figures summed over those engagements.")
            .Produces<ApiPage<ApiCohort>>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/cohorts/{id:int}", GetCohortAsync).WithName("GetCohort")
            .WithSummary("One cohort")
            .WithDescription("A cohort with an engagement in your scope; 404 otherwise.")
            .Produces<ApiCohort>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/requests", ListRequestsAsync).WithName("ListRequests")
            .WithSummary("TTA requests in your scope")
            .WithDescription("The requests of the sites you may see, in id order, filtered like the /Tta list. A site or cohort filter outside your scope answers 404.")
            .Produces<ApiPage<ApiRequest>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/requests/{id:int}", GetRequestAsync).WithName("GetRequest")
            .WithSummary("One TTA request")
            .WithDescription("A request of a site in your scope; 404 otherwise.")
            .Produces<ApiRequest>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/milestones", ListMilestonesAsync).WithName("ListMilestones")
            .WithSummary("Engagement milestones in your scope")
            .WithDescription("The milestones of the engagements of the sites you may see, in id order. A site filter outside your scope answers 404.")
            .Produces<ApiPage<ApiMilestone>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private const string CursorHelp = "The `next` value of the previous page; leave out for the first page.";
    private const string LimitHelp = "Items per page (default 50, at most 200).";

    private static async Task<IResult> ListSitesAsync(
        [Description(CursorHelp)] string? cursor,
        [Description(LimitHelp)] string? limit,
        ApiArguments args, SiteQueries sites, CancellationToken cancellationToken)
    {
        if (args.Paging("sites", cursor, limit) is not { } page)
        {
            return args.Problem();
        }

        var inScope = await sites.SitesInScopeAsync(cancellationToken);
        var rows = await sites.SummarizeAsync(inScope.Where(s => s.Id > page.After).OrderBy(s => s.Id).Take(page.Limit + 1), cancellationToken: cancellationToken);
        return Results.Ok(args.Page("sites", rows.Select(ToApi).ToList(), page.Limit, s => s.Id));
    }

    private static async Task<IResult> GetSiteAsync(int id, SiteQueries sites, CancellationToken cancellationToken)
    {
        var inScope = await sites.SitesInScopeAsync(cancellationToken);
        var site = (await sites.SummarizeAsync(inScope.Where(s => s.Id == id), cancellationToken: cancellationToken)).SingleOrDefault();
        return site is null ? ApiArguments.NotFound() : Results.Ok(ToApi(site));
    }

    private static async Task<IResult> GetSitePlanAsync(int id, PortalDbContext db, SiteScope siteScope, PlanQueries plans, CancellationToken cancellationToken)
    {
        if (!await siteScope.CanSeeSiteAsync(id, cancellationToken))
        {
            return ApiArguments.NotFound();
        }

        var scope = await siteScope.CurrentAsync(cancellationToken);
        var engagements = db.Engagements.AsNoTracking().InScope(scope).Where(e => e.SiteId == id);
        var figures = await plans.CountAsync(engagements, cancellationToken);
        var rows = await engagements.OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Id)
            .Select(e => new { e.Id, e.CohortId, CohortName = e.Cohort!.Name, e.StartDate, e.Status })
            .ToListAsync(cancellationToken);
        return Results.Ok(new ApiSitePlan(id, [.. rows.Select(e =>
        {
            var f = figures.GetValueOrDefault(e.Id, PlanCounts.None);
            return new ApiPlanFigures(e.Id, e.CohortId, e.CohortName, e.StartDate, e.Status, f.Strategies, f.Implemented, f.Recommendations, f.Addressed, f.Requests, f.Delivered);
        })]));
    }

    private static async Task<IResult> ListCohortsAsync(
        [Description(CursorHelp)] string? cursor,
        [Description(LimitHelp)] string? limit,
        ApiArguments args, CohortQueries cohorts, CancellationToken cancellationToken)
    {
        if (args.Paging("cohorts", cursor, limit) is not { } page)
        {
            return args.Problem();
        }

        // The cohorts in scope come from the cached figures (a few dozen rows), so they are paged here.
        var all = await cohorts.ListAsync(cancellationToken: cancellationToken);
        var rows = all.Where(c => c.Id > page.After).OrderBy(c => c.Id).Take(page.Limit + 1).Select(ToApi).ToList();
        return Results.Ok(args.Page("cohorts", rows, page.Limit, c => c.Id));
    }

    private static async Task<IResult> GetCohortAsync(int id, CohortQueries cohorts, CancellationToken cancellationToken)
    {
        var cohort = (await cohorts.ListAsync(id, cancellationToken)).SingleOrDefault();
        return cohort is null ? ApiArguments.NotFound() : Results.Ok(ToApi(cohort));
    }

    private static async Task<IResult> ListRequestsAsync(
        [Description("A status: Draft, Submitted, InReview, NeedsInfo, Approved, Scheduled, Delivered, Closed, Declined, Withdrawn.")] string? status,
        [Description("A site id.")] string? site,
        [Description("A cohort id: requests of the cohort's sites.")] string? cohort,
        [Description("A core area id.")] string? coreArea,
        [Description("true: only requests past their decision or delivery target.")] string? overdue,
        [Description("Words in the reference number, title, description, desired outcome, requester, provider or site name.")] string? q,
        [Description("Only requests changed on or after this time (ISO 8601).")] string? updatedSince,
        [Description(CursorHelp)] string? cursor,
        [Description(LimitHelp)] string? limit,
        ApiArguments args, PortalDbContext db, SiteScope siteScope, RequestQueries queries, CancellationToken cancellationToken)
    {
        var filter = new RequestFilter
        {
            Status = args.Enum<TtaStatus>("status", status),
            Site = args.Id("site", site),
            Cohort = args.Id("cohort", cohort),
            CoreArea = args.Id("coreArea", coreArea),
            Overdue = args.Flag("overdue", overdue),
            Q = q,
        };
        var since = args.Time("updatedSince", updatedSince);
        if (args.Paging("requests", cursor, limit) is not { } page || !args.IsValid)
        {
            return args.Problem();
        }

        filter.Normalize();
        if (!await siteScope.FiltersInScopeAsync(filter.Site, filter.Cohort, cancellationToken))
        {
            return ApiArguments.NotFound();
        }

        var scope = await siteScope.CurrentAsync(cancellationToken);
        var requests = filter.Where(db.TtaRequests.AsNoTracking().InScope(scope), queries.Today);
        if (since is { } from)
        {
            requests = requests.Where(r => r.UpdatedAt >= from);
        }

        var ids = await requests.Where(r => r.Id > page.After).OrderBy(r => r.Id).Select(r => r.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
        var rows = await queries.Rows(db.TtaRequests.AsNoTracking().Where(r => ids.Contains(r.Id))).ToListAsync(cancellationToken);
        return Results.Ok(args.Page("requests", [.. rows.OrderBy(r => r.Id).Select(ToApi)], page.Limit, r => r.Id));
    }

    private static async Task<IResult> GetRequestAsync(int id, PortalDbContext db, SiteScope siteScope, RequestQueries queries, CancellationToken cancellationToken)
    {
        var scope = await siteScope.CurrentAsync(cancellationToken);
        var row = await queries.Rows(db.TtaRequests.AsNoTracking().InScope(scope).Where(r => r.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? ApiArguments.NotFound() : Results.Ok(ToApi(row));
    }

    private static async Task<IResult> ListMilestonesAsync(
        [Description("A site id.")] string? site,
        [Description("A status: Planned, Completed, Deferred.")] string? status,
        [Description("Only milestones due on or after this date (yyyy-mm-dd).")] string? dueFrom,
        [Description("Only milestones due on or before this date (yyyy-mm-dd).")] string? dueTo,
        [Description("true: only overdue milestones (planned and past their due date).")] string? overdue,
        [Description(CursorHelp)] string? cursor,
        [Description(LimitHelp)] string? limit,
        ApiArguments args, PortalDbContext db, SiteScope siteScope, SiteQueries sites, CancellationToken cancellationToken)
    {
        var siteId = args.Id("site", site);
        var milestoneStatus = args.Enum<MilestoneStatus>("status", status);
        var from = args.Date("dueFrom", dueFrom);
        var to = args.Date("dueTo", dueTo);
        var overdueOnly = args.Flag("overdue", overdue);
        if (args.Paging("milestones", cursor, limit) is not { } page || !args.IsValid)
        {
            return args.Problem();
        }

        if (!await siteScope.FiltersInScopeAsync(siteId, null, cancellationToken))
        {
            return ApiArguments.NotFound();
        }

        var scope = await siteScope.CurrentAsync(cancellationToken);
        var today = sites.Today;
        var milestones = db.Milestones.AsNoTracking().InScope(scope);
        milestones = siteId is { } s ? milestones.Where(m => m.Engagement!.SiteId == s) : milestones;
        milestones = milestoneStatus is { } st ? milestones.Where(m => m.Status == st) : milestones;
        milestones = from is { } f ? milestones.Where(m => m.DueDate >= f) : milestones;
        milestones = to is { } t ? milestones.Where(m => m.DueDate <= t) : milestones;
        milestones = overdueOnly ? milestones.Where(MilestoneFigures.OverdueOn(today)) : milestones;
        var overdueRule = EngagementMilestone.Overdue.Expression;
        var rows = await milestones.AsExpandable()
            .Where(m => m.Id > page.After).OrderBy(m => m.Id).Take(page.Limit + 1)
            .Select(m => new ApiMilestone(
                m.Id, m.Engagement!.SiteId, m.Engagement.Site!.Name + ", " + m.Engagement.Site.State, m.EngagementId, m.Title, m.Kind, m.Status,
                m.DueDate, m.CompletedOn, m.OwnerName, overdueRule.Invoke(m, today)))
            .ToListAsync(cancellationToken);
        return Results.Ok(args.Page("milestones", rows, page.Limit, m => m.Id));
    }

    private static ApiMilestoneFigures ToApi(MilestoneCounts m) =>
        new(m.Due, m.DoneOfDue, m.Overdue, m.Completed, m.CompletedOnTime, m.ProgressPercent, m.OnTimePercent);

    private static ApiSite ToApi(SiteSummary s) =>
        new(s.Id, s.Name, s.State, s.CohortId, s.CohortName, s.Status, s.Track, s.Start, s.End, ToApi(s.Milestones), s.OpenRequests, s.OverdueRequests);

    private static ApiCohort ToApi(CohortSummary c) =>
        new(c.Id, c.Name, c.Year, c.Sites, c.ActiveSites, ToApi(c.Milestones), c.OpenRequests);

    private static ApiRequest ToApi(RequestRow r) =>
        new(r.Id, r.ReferenceNumber, r.Title, r.SiteId, r.SiteDisplay, r.CoreArea, r.Status, r.Priority, r.NeededBy,
            new DateTimeOffset(DateTime.SpecifyKind(r.UpdatedAt, DateTimeKind.Utc)), r.IsOverdue);
}

/// <summary>The API's query-string values, read by hand so that a value that does not parse is a 400 with a problem
/// details body naming the parameter (model binding would answer an empty 400), and the list's paging.</summary>
public sealed class ApiArguments(ApiCursor cursors, IOptions<ApiOptions> options)
{
    private readonly Dictionary<string, string[]> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public readonly record struct PageRequest(int After, int Limit);

    public PageRequest? Paging(string list, string? cursor, string? limit)
    {
        var settings = options.Value;
        var size = settings.DefaultPageSize;
        if (!string.IsNullOrEmpty(limit))
        {
            if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0)
            {
                size = Math.Min(asked, settings.MaxPageSize);
            }
            else
            {
                _errors["limit"] = ["The limit must be a whole number of at least 1."];
            }
        }

        var after = cursors.After(list, cursor);
        if (after is null)
        {
            _errors["cursor"] = ["The cursor is not one this list gave out. Start again without a cursor."];
        }

        return after is { } start && IsValid ? new PageRequest(start, size) : null;
    }

    /// <summary>The page of the rows read (one more than the limit, to know whether another page follows).</summary>
    public ApiPage<T> Page<T>(string list, List<T> rows, int limit, Func<T, int> id)
    {
        var more = rows.Count > limit;
        var items = more ? rows[..limit] : rows;
        return new ApiPage<T>(items, more ? cursors.For(list, id(items[^1])) : null);
    }

    public int? Id(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        _errors[name] = [$"The {name} must be an id (a whole number of at least 1)."];
        return null;
    }

    public TEnum? Enum<TEnum>(string name, string? value)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !value.Any(char.IsDigit))
        {
            return parsed;
        }

        _errors[name] = [$"The {name} must be one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}."];
        return null;
    }

    public bool Flag(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        _errors[name] = [$"The {name} must be true or false."];
        return false;
    }

    public DateOnly? Date(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        _errors[name] = [$"The {name} must be a date written yyyy-mm-dd."];
        return null;
    }

    public DateTime? Time(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.UtcDateTime;
        }

        _errors[name] = [$"The {name} must be a date and time in ISO 8601, for example 2026-01-31T00:00:00Z."];
        return null;
    }

    public IResult Problem() => Results.ValidationProblem(_errors, title: "A query parameter is not right.");

    public static IResult NotFound() => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found.",
        detail: "There is no such item, or it is outside your scope.");
}
