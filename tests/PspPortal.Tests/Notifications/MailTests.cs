using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure.Mail;

namespace PspPortal.Tests.Notifications;

/// <summary>A portal whose mail goes to a real SMTP server on loopback; retries wait no time, so a test drives delivery
/// runs itself instead of waiting for a timer.</summary>
public class MailPortalFactory : PortalFactory
{
    public MailPortalFactory()
        : this(Path.Combine(Path.GetTempPath(), $"psp-tests-{Guid.NewGuid():N}.db"), LoopbackSmtpServer.FreePort())
    {
    }

    protected MailPortalFactory(string databasePath, int smtpPort)
        : base(databasePath) => SmtpPort = smtpPort;

    public int SmtpPort { get; }

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("App:BaseUrl", "https://portal.psp.example/");
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:UseTls", "false");
        builder.UseSetting("Mail:RetryBaseDelay", "00:00:00");
    }

    public async Task<int> DeliverAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync();
    }

    /// <summary>A person of their own for one test (a site contact of Tampa), so no test sees another's mail or choices.</summary>
    public async Task<PortalUser> NewPersonAsync()
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"person-{Guid.NewGuid():N}@psp.example";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Test Person" };
        var created = await users.CreateAsync(user);
        Assert.True(created.Succeeded);
        return user;
    }

    public async Task ChooseAsync(string userId, NotificationKind kind, MailChoice choice)
    {
        using var db = CreateDbContext();
        db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Choice = choice });
        await db.SaveChangesAsync();
    }

    /// <summary>Takes an action on a request as a liaison would, through the domain and one SaveChanges.</summary>
    public async Task ActAsync(int requestId, TtaAction action, string? note = null)
    {
        using var db = CreateDbContext();
        var request = await db.TtaRequests.SingleAsync(r => r.Id == requestId);
        request.Take(action, new TtaActionDetails(note), new Actor(null, "Chris Okafor"), DateTime.UtcNow, ServiceClock.Default);
        await db.SaveChangesAsync();
    }

    public async Task<TtaRequest> RequestOfAsync(PortalUser requester, TtaStatus status)
    {
        var request = await TtaArrange.RequestAsync(this, "Tampa", status);
        using var db = CreateDbContext();
        await db.TtaRequests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RequesterId, requester.Id));
        return request;
    }
}

public sealed class MailTests : IClassFixture<MailPortalFactory>, IDisposable
{
    private readonly MailPortalFactory _portal;
    private readonly LoopbackSmtpServer _smtp;

    public MailTests(MailPortalFactory portal)
    {
        _portal = portal;
        _smtp = new LoopbackSmtpServer(portal.SmtpPort);
    }

    public void Dispose() => _smtp.Dispose();

    private IReadOnlyList<MimeKit.MimeMessage> MailTo(PortalUser user) =>
        [.. _smtp.Messages().Where(m => m.To.Mailboxes.Any(a => a.Address == user.Email))];

    [Fact]
    public async Task A_decision_on_a_request_mails_the_requester_exactly_once()
    {
        await _smtp.StartAsync();
        var requester = await _portal.NewPersonAsync();
        var request = await _portal.RequestOfAsync(requester, TtaStatus.InReview);

        await _portal.ActAsync(request.Id, TtaAction.Approve);
        await _portal.DeliverAsync();
        await _portal.DeliverAsync();

        var mail = Assert.Single(MailTo(requester));
        Assert.Contains("approved", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(request.ReferenceNumber, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://portal.psp.example/Tta/{request.Id}", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<h1>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Open the request in PSP Portal", mail.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("<https://portal.psp.example/Notifications/Unsubscribe?token=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task An_opted_out_person_gets_no_mail_but_still_the_notification()
    {
        await _smtp.StartAsync();
        var requester = await _portal.NewPersonAsync();
        await _portal.ChooseAsync(requester.Id, NotificationKind.RequestDecided, MailChoice.Never);
        var request = await _portal.RequestOfAsync(requester, TtaStatus.InReview);

        await _portal.ActAsync(request.Id, TtaAction.Decline, "Out of scope for PSP.");
        await _portal.DeliverAsync();

        Assert.Empty(MailTo(requester));
        using var db = _portal.CreateDbContext();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.UserId == requester.Id && n.Kind == NotificationKind.RequestDecided));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.UserId == requester.Id));
    }

    [Fact]
    public async Task A_digest_gathers_the_day_s_events_into_one_message()
    {
        await _smtp.StartAsync();
        var requester = await _portal.NewPersonAsync();
        await _portal.ChooseAsync(requester.Id, NotificationKind.RequestDecided, MailChoice.DailyDigest);
        await _portal.ChooseAsync(requester.Id, NotificationKind.InformationRequested, MailChoice.DailyDigest);
        var first = await _portal.RequestOfAsync(requester, TtaStatus.InReview);
        var second = await _portal.RequestOfAsync(requester, TtaStatus.InReview);
        await _portal.ActAsync(first.Id, TtaAction.Approve);
        await _portal.ActAsync(second.Id, TtaAction.AskForInformation, "How many officers?");
        await _portal.DeliverAsync();
        Assert.Empty(MailTo(requester));

        // The program's day (Washington's), as the digest job counts it, not the UTC day.
        var today = _portal.Services.GetRequiredService<ServiceClock>().Today(TimeProvider.System);
        using (var scope = _portal.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DailyDigest>().QueueAsync(today) >= 1);
        }

        using (var scope = _portal.Services.CreateScope())
        {
            // A second run (another instance, or the job again) adds no second digest.
            await scope.ServiceProvider.GetRequiredService<DailyDigest>().QueueAsync(today);
        }

        await _portal.DeliverAsync();
        var digest = Assert.Single(MailTo(requester));
        Assert.Contains("digest", digest.Subject, StringComparison.Ordinal);
        Assert.Contains(first.ReferenceNumber, digest.TextBody, StringComparison.Ordinal);
        Assert.Contains(second.ReferenceNumber, digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unsubscribe_link_works_without_signing_in_and_only_for_its_own_person_and_kind()
    {
        var person = await _portal.NewPersonAsync();
        var other = await _portal.NewPersonAsync();
        var tokens = _portal.Services.GetRequiredService<UnsubscribeTokens>();
        var token = tokens.For(person.Id, NotificationKind.RequestDecided);
        using var anonymous = _portal.CreatePortalClient();

        // Forged and altered tokens change nothing.
        var altered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        foreach (var bad in new[] { altered, "not-a-token", tokens.For(other.Id, NotificationKind.RequestDecided)[..20] })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Notifications/Unsubscribe?token={Uri.EscapeDataString(bad)}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync("/Notifications/Unsubscribe", [new("Token", bad)])).StatusCode);
        }

        var confirm = await anonymous.GetDocumentAsync($"/Notifications/Unsubscribe?token={Uri.EscapeDataString(token)}");
        Assert.NotNull(confirm.QuerySelector("main form button[type=submit]"));

        // The mail client's one-click POST: no cookie, no antiforgery token.
        var done = await anonymous.PostAsync($"/Notifications/Unsubscribe?token={Uri.EscapeDataString(token)}", [new("List-Unsubscribe", "One-Click")]);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        using var db = _portal.CreateDbContext();
        var choices = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == person.Id || p.UserId == other.Id).ToListAsync();
        var only = Assert.Single(choices);
        Assert.Equal((person.Id, NotificationKind.RequestDecided, MailChoice.Never), (only.UserId, only.Kind, only.Choice));
    }
}

/// <summary>Mail queued while the SMTP server is down, delivered once it is up, exactly once, with two instances on one
/// database running delivery at the same time.</summary>
public sealed class OutboxTwoInstancesTests
{
    private sealed class SecondInstance(string databasePath, int port) : MailPortalFactory(databasePath, port);

    [Fact]
    public async Task Mail_queued_while_the_server_is_down_is_sent_once_it_is_up_exactly_once()
    {
        using var first = new MailPortalFactory();
        using var second = new SecondInstance(first.DatabasePath, first.SmtpPort);
        _ = second.Services;
        using var smtp = new LoopbackSmtpServer(first.SmtpPort);
        var requester = await first.NewPersonAsync();
        var request = await first.RequestOfAsync(requester, TtaStatus.InReview);

        await first.ActAsync(request.Id, TtaAction.Approve);
        Assert.Equal(0, await first.DeliverAsync());
        using (var db = first.CreateDbContext())
        {
            var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.UserId == requester.Id);
            Assert.Null(row.SentAt);
            Assert.Equal(1, row.Attempts);
            Assert.False(string.IsNullOrEmpty(row.LastError));
        }

        await smtp.StartAsync();
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(first.DeliverAsync(), second.DeliverAsync(), first.DeliverAsync(), second.DeliverAsync());
        }

        Assert.Single(smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == requester.Email));
        using var check = first.CreateDbContext();
        Assert.NotNull((await check.OutboxMessages.AsNoTracking().SingleAsync(m => m.UserId == requester.Id)).SentAt);
    }
}
