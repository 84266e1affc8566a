using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Admin.Audit;

/// <summary>The audit trail, read-only: search, filters in the URL, 50 a page newest first, and the same list as CSV.</summary>
public class IndexModel(PortalDbContext db, TimeProvider clock, ServiceClock serviceClock, IValidator<IndexModel.DateFilter> dateValidator) : PageModel
{
    /// <summary>The first date the filters accept: nothing in the trail is older than the portal.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public const string NotADateMessage = "Enter a real date, such as 2026-11-23.";

    public const int PageSize = 50;

    /// <summary>The most rows one export holds.</summary>
    public const int ExportLimit = 100_000;

    /// <summary>The filter, bound from the query string (named like the form's fields), so a view can be bookmarked;
    /// the export reads the same.</summary>
    [FromQuery]
    public FilterModel Filter { get; set; } = new();

    [FromQuery(Name = PagerModel.QueryName)]
    public int PageNumber { get; set; } = 1;

    public int TotalCount { get; private set; }
    public PagerModel Pager { get; private set; } = null!;
    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public sealed class FilterModel
    {
        /// <summary>Text in the action, record, user, details or changes.</summary>
        public string? Q { get; set; }

        /// <summary>Text in the user's email.</summary>
        public string? User { get; set; }

        public string? Kind { get; set; }

        public string? EntityType { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        /// <summary>The filter as query-string values, for links that keep it.</summary>
        public Dictionary<string, string?> ToQuery() => new()
        {
            ["q"] = Q,
            ["user"] = User,
            ["kind"] = Kind,
            ["entityType"] = EntityType,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The date filters as typed, with today (UTC) to check them against.</summary>
    public sealed record DateFilter(DateOnly? From, DateOnly? To, DateOnly Today)
    {
        public DateRange Allowed => new(EarliestDate, Today);
    }

    /// <summary>A filter date must fall between <see cref="EarliestDate"/> and today (UTC), and "to" not before "from".
    /// A date that breaks the rule is named next to its field and left out of the search.</summary>
    public sealed class DateFilterValidator : AbstractValidator<DateFilter>
    {
        public DateFilterValidator()
        {
            RuleFor(f => f.From!.Value)
                .Must((f, from) => f.Allowed.Contains(from)).WithMessage(f => OutOfRange(f.Allowed))
                .When(f => f.From is not null).OverridePropertyName(nameof(FilterModel.From));
            RuleFor(f => f.To!.Value).Cascade(CascadeMode.Stop)
                .Must((f, to) => f.Allowed.Contains(to)).WithMessage(f => OutOfRange(f.Allowed))
                .Must((f, to) => f.From is not { } from || !f.Allowed.Contains(from) || to >= from).WithMessage("The “to” date cannot be before the “from” date.")
                .When(f => f.To is not null).OverridePropertyName(nameof(FilterModel.To));
        }

        private static string OutOfRange(DateRange allowed) =>
            $"Enter a date between {DateRange.Words(allowed.First)} and today ({DateRange.Words(allowed.Last)}, UTC).";
    }

    /// <summary>An entry as the page and the CSV show it (the CSV's columns are these names, in this order).</summary>
    public sealed record AuditRow(long Id, DateTime OccurredAtUtc, string? User, string Kind, string Action, string? EntityType, string? EntityId, string? Changes, string? IpAddress, string? Details);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await CheckDatesAsync(cancellationToken);
        var entries = Filtered();
        TotalCount = await entries.CountAsync(cancellationToken);
        Pager = new PagerModel(PageNumber, TotalCount, PageSize, "/Admin/Audit", Filter.ToQuery(), "Pages of the audit trail");
        Rows = await Newest(entries).Skip(Pager.Skip).Take(PageSize).ToListAsync(cancellationToken);
        EntityTypes = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType != null)
            .Select(a => a.EntityType!)
            .Distinct()
            .OrderBy(t => t)
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        await CheckDatesAsync(cancellationToken);
        return CsvFile.Of(Newest(Filtered()).Take(ExportLimit).AsAsyncEnumerable(), $"psp-audit-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv");
    }

    /// <summary>Other bad query values (a page of "abc", an unknown kind) fall back to the defaults silently; a date that
    /// is not a date or is out of range is named next to its field and left out of the search.</summary>
    private async Task CheckDatesAsync(CancellationToken cancellationToken)
    {
        var unreadable = new[] { nameof(FilterModel.From), nameof(FilterModel.To) }.Where(k => ModelState[k] is { Errors.Count: > 0 }).ToList();
        ModelState.Clear();
        foreach (var key in unreadable)
        {
            ModelState.AddModelError(key, NotADateMessage);
        }

        var today = serviceClock.Today(clock);
        var result = await dateValidator.ValidateAsync(new DateFilter(Filter.From, Filter.To, today), cancellationToken);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        if (ModelState[nameof(FilterModel.From)] is { Errors.Count: > 0 })
        {
            Filter.From = null;
        }

        if (ModelState[nameof(FilterModel.To)] is { Errors.Count: > 0 })
        {
            Filter.To = null;
        }
    }

    private IQueryable<AuditEntry> Filtered()
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Filter.Q))
        {
            var q = Filter.Q.Trim();
            entries = entries.Where(a => a.Action.Contains(q) || (a.EntityType != null && a.EntityType.Contains(q))
                || (a.EntityId != null && a.EntityId.Contains(q)) || (a.UserName != null && a.UserName.Contains(q))
                || (a.Details != null && a.Details.Contains(q)) || (a.Changes != null && a.Changes.Contains(q)));
        }

        if (!string.IsNullOrWhiteSpace(Filter.User))
        {
            var user = Filter.User.Trim();
            entries = entries.Where(a => a.UserName != null && a.UserName.Contains(user));
        }

        if (Filter.Kind is { } kind && AuditKinds.All.Contains(kind))
        {
            entries = entries.Where(a => a.Kind == kind);
        }

        if (Filter.EntityType is { } entityType && !string.IsNullOrWhiteSpace(entityType))
        {
            entries = entries.Where(a => a.EntityType == entityType);
        }

        if (Filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.OccurredAt >= start);
        }

        if (Filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.OccurredAt < end);
        }

        return entries;
    }

    private static IQueryable<AuditRow> Newest(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.OccurredAt, a.UserName, a.Kind, a.Action, a.EntityType, a.EntityId, a.Changes, a.IpAddress, a.Details));

    /// <summary>The same list as CSV: every entry that passes the filter (up to <see cref="ExportLimit"/>), on all pages.</summary>
    public string ExportUrl => ListUrl.For("/Admin/Audit", Filter.ToQuery().Prepend(new("handler", "Export")));
}
