using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data;

/// <summary>A mail to send, written in the same transaction as the event it tells of (so nothing is lost while the
/// SMTP server is down) and sent by the delivery job (Infrastructure/Mail/OutboxDelivery), which claims rows with one
/// atomic UPDATE so that two instances never send one row twice. The message itself is composed when it is sent, from
/// the notification (or the day's notifications of a digest), with links made from App:BaseUrl.</summary>
public class OutboxMessage
{
    public const int ErrorMax = 500;

    public long Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The notification a "Right away" mail tells of; null for a digest.</summary>
    public long? NotificationId { get; set; }
    public Notification? Notification { get; set; }

    /// <summary>The day (UTC) a digest gathers; null for a single notification.</summary>
    public DateOnly? DigestDay { get; set; }

    /// <summary>Unique: one digest per user per day (<c>digest:{user}:{day}</c>), even when two instances run the job.</summary>
    public string? OnceKey { get; set; }

    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The delivery run that holds the row until <see cref="ClaimedUntil"/>; another run may take it after.</summary>
    public Guid? ClaimToken { get; set; }

    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>The last failure's kind and message from the SMTP client, cut short; never a password or a token.</summary>
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.OnceKey).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMax);
        builder.HasIndex(m => m.OnceKey).IsUnique().HasFilter("[OnceKey] IS NOT NULL");

        // The delivery job's question: unsent rows due now, oldest first.
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Notification).WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMax);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMax);
        builder.Property(n => n.OnceKey).HasMaxLength(200);
        builder.HasIndex(n => n.OnceKey).IsUnique().HasFilter("[OnceKey] IS NOT NULL");

        // The header's count (unread of one user) and the list (one user's, newest first) are answered by indexes.
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Choice).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestFollowConfiguration : IEntityTypeConfiguration<RequestFollow>
{
    public void Configure(EntityTypeBuilder<RequestFollow> builder)
    {
        builder.ToTable("RequestFollows");
        builder.HasKey(f => new { f.TtaRequestId, f.UserId });
        builder.Property(f => f.UserId).HasMaxLength(450);
        builder.HasOne<TtaRequest>().WithMany().HasForeignKey(f => f.TtaRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.NoAction);
    }
}
