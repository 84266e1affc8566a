using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data;

/// <summary>The one place where changes of data are written to the audit trail: whatever page, command or service
/// saves through the context, each added, modified or deleted row of an audited entity becomes an
/// <see cref="AuditEntry"/> with the values before and after of the columns that <see cref="AuditPolicy"/> allows.
/// Nothing that the allow-list does not name is copied; some columns are marked "(changed)" without their values.
/// The audit trail itself is append-only.</summary>
/// <remarks>The entries are written right after the change's statements (so that the keys the database generates are
/// known), by a second round of statements inside the same transaction: <see cref="PortalDbContext.SaveChangesAsync(bool, CancellationToken)"/>
/// opens one around every save that has none, so the change and its audit rows are committed or rolled back
/// together.</remarks>
public sealed class AuditInterceptor(IHttpContextAccessor httpContextAccessor, TimeProvider clock) : AfterSaveInterceptor<List<AuditInterceptor.PendingChange>>
{
    public const string Redacted = "(changed)";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    protected override List<PendingChange>? Capture(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ChangeTracker.DetectChanges();
        var pending = new List<PendingChange>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("The audit trail is append-only: an audit entry cannot be changed or deleted.");
                }

                continue;
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || !AuditPolicy.IsAudited(entry.Metadata.ClrType))
            {
                continue;
            }

            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            pending.Add(new PendingChange(entry, entry.State.ToString(), EntityTypeName(entry), changes, entry.State == EntityState.Deleted ? KeyOf(entry) : null));
        }

        return pending.Count > 0 ? pending : null;
    }

    /// <summary>Adds the audit entries of the save that has just succeeded.</summary>
    protected override ValueTask<bool> FollowUpAsync(DbContext context, List<PendingChange> pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pending);
        var user = httpContextAccessor.HttpContext?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = userId is null ? null : user?.Identity?.Name;
        var ip = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in pending)
        {
            context.Set<AuditEntry>().Add(new AuditEntry
            {
                OccurredAt = now,
                UserId = userId,
                UserName = userName,
                Kind = AuditKinds.DataChange,
                Action = change.Action,
                EntityType = change.EntityType,
                EntityId = change.Key ?? KeyOf(change.Entry),
                Changes = JsonSerializer.Serialize(change.Changes, JsonOptions),
                IpAddress = ip,
            });
        }

        return ValueTask.FromResult(true);
    }

    private static Dictionary<string, object?> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        var entity = entry.Metadata.ClrType;
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;

            // SQL Server's rowversion (SqlServerPortalDbContext) is the server's, changes on every write and means
            // nothing to a reader of the audit trail.
            if (property.Metadata.IsConcurrencyToken && property.Metadata.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAddOrUpdate)
            {
                continue;
            }

            var column = AuditPolicy.ColumnOf(entity, name);
            if (column == AuditColumn.None)
            {
                continue;
            }

            var before = entry.State == EntityState.Added ? null : Plain(property.OriginalValue);
            var after = entry.State == EntityState.Deleted ? null : Plain(property.CurrentValue);
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(before, after)))
            {
                continue;
            }

            if (before is null && after is null)
            {
                continue;
            }

            changes[name] = column == AuditColumn.ChangedOnly ? Redacted : new Change(before, after);
        }

        return changes;
    }

    private static object? Plain(object? value) => value switch
    {
        Enum e => e.ToString(),
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    private static string EntityTypeName(EntityEntry entry)
    {
        var name = entry.Metadata.ClrType.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? null : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    private sealed record Change(object? Before, object? After);

    public sealed record PendingChange(EntityEntry Entry, string Action, string EntityType, Dictionary<string, object?> Changes, string? Key);
}
