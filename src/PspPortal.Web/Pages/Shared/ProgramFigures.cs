using LinqKit;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;

namespace PspPortal.Web.Pages.Shared;

/// <summary>Every figure the site and cohort lists show, for every engagement and site at once, counted by the
/// database with the rules of <see cref="MilestoneFigures"/> and <see cref="RequestFigures"/> (three grouped
/// statements), on one day. Scope is applied by the reader, site by site.</summary>
public sealed class FiguresSnapshot
{
    public sealed record CohortRow(int Id, string Name, int Year);

    public sealed record EngagementRow(int Id, int SiteId, int CohortId, EngagementStatus Status, MilestoneCounts Milestones);

    /// <summary>A site's TTA requests: open, overdue, and how many in each core area.</summary>
    public sealed record SiteRequests(int Open, int Overdue, IReadOnlyDictionary<int, int> ByCoreArea);

    private static readonly SiteRequests NoRequests = new(0, 0, new Dictionary<int, int>());

    public required Guid Stamp { get; init; }
    public required DateOnly Today { get; init; }
    public required IReadOnlyList<CohortRow> Cohorts { get; init; }
    public required IReadOnlyList<EngagementRow> Engagements { get; init; }
    public required IReadOnlyDictionary<int, MilestoneCounts> MilestonesByEngagement { get; init; }
    public required IReadOnlyDictionary<int, SiteRequests> RequestsBySite { get; init; }

    public MilestoneCounts MilestonesOf(int? engagementId) =>
        engagementId is { } id && MilestonesByEngagement.TryGetValue(id, out var counts) ? counts : default;

    public SiteRequests RequestsOf(int siteId) => RequestsBySite.GetValueOrDefault(siteId, NoRequests);
}

/// <summary>Caches one <see cref="FiguresSnapshot"/> under the <see cref="FiguresStamp"/> and the day it was counted
/// on. Each request reads the stamp (one row by its key; a GET once, whatever it shows, a POST at each use since it
/// may have changed the data itself); a change of program data writes a new stamp in its own transaction
/// (<see cref="FiguresStampInterceptor"/>), so the next page counts again: figures are never older than the data, on
/// one server or on several. Why this and not maintained counters: docs/adr/0010.</summary>
public sealed class ProgramFigures(IHttpContextAccessor httpContextAccessor) : IDisposable
{
    private static readonly object StampOfThisRequest = new();

    /// <summary>Read at least once on every page that shows a figure: compiled once.</summary>
    private static readonly Func<PortalDbContext, CancellationToken, Task<Guid>> StampQuery =
        EF.CompileAsyncQuery((PortalDbContext db, CancellationToken _) => db.FiguresStamps.AsNoTracking().Where(s => s.Id == FiguresStamp.TheId).Select(s => s.Stamp).SingleOrDefault());

    /// <summary>Counts and top ids kept for the current stamp; beyond this many, they are dropped and counted again.</summary>
    public const int MaxCounts = 2000;

    private readonly SemaphoreSlim _counting = new(1, 1);
    /// <summary>Whole page models kept for the current stamp (<see cref="KeptAsync{TValue}"/>): each can be half a
    /// megabyte, so only a few.</summary>
    public const int MaxKept = 16;

    private readonly Shelf _counts = new(MaxCounts);
    private readonly Shelf _kept = new(MaxKept, oneAtATime: true);
    private volatile FiguresSnapshot? _current;

    /// <summary>Values kept under one stamp; all dropped when the stamp changes or the shelf is full.</summary>
    private sealed class Shelf(int capacity, bool oneAtATime = false)
    {
        /// <summary>When set, one value is computed at a time and the requests that missed it wait for it: 16 views
        /// of a cohort page right after a change would otherwise each build the same half megabyte at once.</summary>
        public SemaphoreSlim? Computing { get; } = oneAtATime ? new SemaphoreSlim(1, 1) : null;

        public System.Collections.Concurrent.ConcurrentDictionary<string, object> Items { get; } = new(StringComparer.Ordinal);
        public int Capacity { get; } = capacity;
        public Guid Stamp { get; set; }
    }

    /// <summary>A list's count (its pager's total), cached under the stamp like every figure. <paramref name="key"/>
    /// names the list, its filter, the scope (<see cref="ScopeKey"/>) and the day, whatever the query depends on.</summary>
    public Task<int> CountAsync<T>(PortalDbContext db, string key, IQueryable<T> query, CancellationToken cancellationToken = default) =>
        CachedAsync(_counts, db, "count|" + key, query.CountAsync, cancellationToken);

    /// <summary>A small value computed only from data the stamp covers, kept like a count: a list filter's choices
    /// (<see cref="FilterChoices.ForListAsync"/>, /Sites' states and cohorts), a home's figures. <paramref name="key"/>
    /// names what it is, the scope, the day if it counts by it, and its inputs.</summary>
    public Task<TValue> KeptSmallAsync<TValue>(PortalDbContext db, string key, Func<CancellationToken, Task<TValue>> compute, CancellationToken cancellationToken = default)
        where TValue : notnull =>
        CachedAsync(_counts, db, "small|" + key, compute, cancellationToken);

    /// <summary>The ids a query's first <paramref name="limit"/> rows have (a home list's top rows), cached under the
    /// stamp like a count: which requests are overdue, waiting or open, and their order, change only with a change of
    /// a request (which writes a new stamp) or with the day (which the key names). The rows themselves are then read
    /// by id, so what they show is always current.</summary>
    public Task<IReadOnlyList<int>> TopIdsAsync(PortalDbContext db, string key, IQueryable<int> ids, int limit, CancellationToken cancellationToken = default) =>
        CachedAsync<IReadOnlyList<int>>(_counts, db, $"top{limit}|{key}", async token => await ids.Take(limit).ToListAsync(token), cancellationToken);

    /// <summary>Anything computed only from data the stamp covers (<see cref="FiguresStamp.Affects"/>), kept under the
    /// stamp like a count: a figures page's whole model (/Cohorts/{id}). <paramref name="key"/> names the page, its
    /// route values, the scope (<see cref="ScopeKey"/>) and the day.</summary>
    public Task<TValue> KeptAsync<TValue>(PortalDbContext db, string key, Func<CancellationToken, Task<TValue>> compute, CancellationToken cancellationToken = default)
        where TValue : notnull =>
        CachedAsync(_kept, db, key, compute, cancellationToken);

    private async Task<TValue> CachedAsync<TValue>(Shelf shelf, PortalDbContext db, string key, Func<CancellationToken, Task<TValue>> compute, CancellationToken cancellationToken)
        where TValue : notnull
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await ReadStampAsync(db, cancellationToken);
        lock (shelf)
        {
            if (shelf.Stamp != stamp || shelf.Items.Count >= shelf.Capacity)
            {
                shelf.Items.Clear();
                shelf.Stamp = stamp;
            }
        }

        if (shelf.Items.TryGetValue(key, out var known) && known is TValue value)
        {
            return value;
        }

        if (shelf.Computing is { } computing)
        {
            await computing.WaitAsync(cancellationToken);
            try
            {
                lock (shelf)
                {
                    if (shelf.Stamp == stamp && shelf.Items.TryGetValue(key, out var made) && made is TValue madeValue)
                    {
                        return madeValue;
                    }
                }

                return Keep(shelf, stamp, key, await compute(cancellationToken));
            }
            finally
            {
                computing.Release();
            }
        }

        return Keep(shelf, stamp, key, await compute(cancellationToken));
    }

    private static TValue Keep<TValue>(Shelf shelf, Guid stamp, string key, TValue computed)
        where TValue : notnull
    {
        lock (shelf)
        {
            // Computed after the stamp was read, so never older than the stamp it is kept under.
            if (shelf.Stamp == stamp)
            {
                shelf.Items[key] = computed;
            }
        }

        return computed;
    }

    /// <summary>The part of a cache key that says whose sites a figure counts.</summary>
    public static string ScopeKey(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.AllSites ? "all" : string.Join(',', scope.SiteIds.Order());
    }

    /// <summary>The stamp: read once for a GET (which changes no figure, so all it shows is of one moment), at every
    /// use otherwise, so that a POST that saves and then shows a page shows its own change.</summary>
    private async Task<Guid> ReadStampAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var http = httpContextAccessor.HttpContext;
        var once = http is not null && http.Request.IsReadOnly();
        if (once && http!.Items.TryGetValue(StampOfThisRequest, out var seen) && seen is Guid read)
        {
            return read;
        }

        var stamp = await StampQuery(db, cancellationToken);
        if (once)
        {
            http!.Items[StampOfThisRequest] = stamp;
        }

        return stamp;
    }

    public void Dispose()
    {
        _counting.Dispose();
        _kept.Computing?.Dispose();
    }

    public async Task<FiguresSnapshot> GetAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await ReadStampAsync(db, cancellationToken);
        if (_current is { } hit && hit.Stamp == stamp && hit.Today == today)
        {
            return hit;
        }

        // One count at a time: the pages that wait for it take the snapshot it makes.
        await _counting.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } made && made.Stamp == stamp && made.Today == today)
            {
                return made;
            }

            // Counted after the stamp was read: a change that commits in between leaves newer figures under the older
            // stamp, which the next read (seeing the new stamp) replaces; never older figures under a newer stamp.
            // Not cancelled with the request that happens to count: the pages queued behind it want the snapshot too,
            // and a client that gives up (a closed tab, a load test's end) would otherwise throw away seconds of
            // counting at 100,000 requests and leave the next page to start again.
            var snapshot = await CountAsync(db, stamp, today, CancellationToken.None);
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _counting.Release();
        }
    }

    private static async Task<FiguresSnapshot> CountAsync(PortalDbContext db, Guid stamp, DateOnly today, CancellationToken cancellationToken)
    {
        var due = MilestoneFigures.DueBy(today);
        var doneOfDue = MilestoneFigures.DoneOfDueBy(today);
        var overdue = MilestoneFigures.OverdueOn(today);
        var completed = MilestoneFigures.Completed;
        var onTime = MilestoneFigures.CompletedOnTime;
        var milestones = await db.Milestones.AsNoTracking().AsExpandable()
            .GroupBy(m => m.EngagementId)
            .Select(g => new
            {
                g.Key,
                Due = g.Count(m => due.Invoke(m)),
                DoneOfDue = g.Count(m => doneOfDue.Invoke(m)),
                Overdue = g.Count(m => overdue.Invoke(m)),
                Completed = g.Count(m => completed.Invoke(m)),
                OnTime = g.Count(m => onTime.Invoke(m)),
            })
            .ToDictionaryAsync(x => x.Key, x => new MilestoneCounts(x.Due, x.DoneOfDue, x.Overdue, x.Completed, x.OnTime), cancellationToken);

        var open = RequestFigures.Open;
        var overdueRequest = RequestFigures.OverdueOn(today);
        var requests = await db.TtaRequests.AsNoTracking().AsExpandable()
            .GroupBy(r => new { r.SiteId, r.CoreAreaId })
            .Select(g => new
            {
                g.Key.SiteId,
                g.Key.CoreAreaId,
                Count = g.Count(),
                Open = g.Count(r => open.Invoke(r)),
                Overdue = g.Count(r => overdueRequest.Invoke(r)),
            })
            .ToListAsync(cancellationToken);
        var bySite = requests.GroupBy(r => r.SiteId).ToDictionary(
            g => g.Key,
            g => new FiguresSnapshot.SiteRequests(g.Sum(r => r.Open), g.Sum(r => r.Overdue), g.ToDictionary(r => r.CoreAreaId, r => r.Count)));

        var engagements = await db.Engagements.AsNoTracking()
            .Select(e => new { e.Id, e.SiteId, e.CohortId, e.Status })
            .ToListAsync(cancellationToken);
        var cohorts = await db.Cohorts.AsNoTracking()
            .OrderBy(c => c.Year).ThenBy(c => c.Name)
            .Select(c => new FiguresSnapshot.CohortRow(c.Id, c.Name, c.Year))
            .ToListAsync(cancellationToken);

        return new FiguresSnapshot
        {
            Stamp = stamp,
            Today = today,
            Cohorts = cohorts,
            Engagements = engagements.Select(e => new FiguresSnapshot.EngagementRow(e.Id, e.SiteId, e.CohortId, e.Status, milestones.GetValueOrDefault(e.Id))).ToList(),
            MilestonesByEngagement = milestones,
            RequestsBySite = bySite,
        };
    }
}
