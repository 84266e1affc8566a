using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PspPortal.Web.Data;

/// <summary>The mechanism the audit trail and the notifications share: just before a save, note what it holds
/// (<see cref="Capture"/>); once it has succeeded (keys known), add the rows that follow from it
/// (<see cref="FollowUpAsync"/>) and save them through the same context, so inside the transaction that
/// <see cref="PortalDbContext"/> opens around every save: the change and what follows from it commit together or not
/// at all. A failed save forgets what was noted.</summary>
public abstract class AfterSaveInterceptor<TNoted> : SaveChangesInterceptor
    where TNoted : class
{
    private readonly ConditionalWeakTable<DbContext, TNoted> _noted = [];

    /// <summary>What the save about to run holds that matters here, or null when nothing does.</summary>
    protected abstract TNoted? Capture(DbContext context);

    /// <summary>Adds the rows that follow from the saved changes to the context; true when there is anything to save.</summary>
    protected abstract ValueTask<bool> FollowUpAsync(DbContext context, TNoted noted, CancellationToken cancellationToken);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Take(eventData.Context) is { } noted && FollowUpAsync(eventData.Context!, noted, CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            eventData.Context!.SaveChanges();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Take(eventData.Context) is { } noted && await FollowUpAsync(eventData.Context!, noted, cancellationToken))
        {
            await eventData.Context!.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not null)
        {
            _noted.Remove(eventData.Context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && Capture(context) is { } noted)
        {
            _noted.AddOrUpdate(context, noted);
        }
    }

    private TNoted? Take(DbContext? context)
    {
        if (context is null || !_noted.TryGetValue(context, out var noted))
        {
            return null;
        }

        _noted.Remove(context);
        return noted;
    }
}
