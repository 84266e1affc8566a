using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Infrastructure.Logging;
using PspPortal.Web.Pages.Milestones;
using Serilog.Core;
using Serilog.Events;

namespace PspPortal.Tests.Security;

/// <summary>Every Serilog event the app writes, kept in memory.</summary>
public sealed class CapturedLogEvents : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> All => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}

/// <summary>The portal with every log level on (Microsoft and EF Core included) and every event captured.</summary>
public class LogCaptureFactory : PortalFactory
{
    public CapturedLogEvents Events { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Verbose");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Verbose");
        // The console keeps the usual level, so that the test output stays readable.
        builder.UseSetting("Serilog:WriteTo:0:Args:restrictedToMinimumLevel", "Warning");
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Events));
    }
}

/// <summary>The calendar feed's path is its secret (ADR 0006): it must reach no log event, at any level, whether the
/// feed answers or fails.</summary>
public class LogRedactionTests(LogCaptureFactory factory) : IClassFixture<LogCaptureFactory>
{
    private static string? Text(LogEventPropertyValue value) => (value as ScalarValue)?.Value as string;

    [Fact]
    public async Task The_feed_secret_reaches_no_log_event_when_the_feed_answers_or_fails_with_500()
    {
        var token = CalendarFeed.NewToken();
        int milestone;
        await using (var db = factory.CreateDbContext())
        {
            var poc = await db.Users.SingleAsync(u => u.Email == DemoUsers.Poc);
            poc.CalendarFeedTokenHash = CalendarFeed.Hash(token);
            await db.SaveChangesAsync();
            var today = TtaArrange.Today;
            milestone = await db.Milestones.Where(m => m.Engagement!.Site!.Name == "Tampa" && m.DueDate >= today.AddDays(-CalendarFeed.DaysBack))
                .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        }

        using var calendar = factory.CreatePortalClient();
        var served = await calendar.GetAsync(CalendarFeed.PathFor(token));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("BEGIN:VCALENDAR", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A row EF Core cannot read (a month 13 that still sorts inside the feed's window): the feed fails with 500
        // and ASP.NET Core logs the exception with the request.
        var corrupt = $"{DateTime.UtcNow.Year}-13-45";
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Milestones SET DueDate = {corrupt} WHERE Id = {milestone}");
        }

        // Routing ignores case, so the redaction must too.
        var failed = await calendar.GetAsync($"/calendar/{token}.ics");
        await failed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        var events = factory.Events.All;
        Assert.Contains(events, e => e.Exception is not null);
        Assert.Contains(events, e => e.Level == LogEventLevel.Error && e.Properties.TryGetValue("StatusCode", out var status) && status.ToString() == "500"
            && Text(e.Properties["RequestPath"]) == SecretPathRedactor.Redacted);
        Assert.Contains(events, e => e.Properties.TryGetValue("Path", out var path) && Text(path) == SecretPathRedactor.Redacted);
        foreach (var e in events)
        {
            var where = $"{e.Level} event \"{e.MessageTemplate.Text}\"";
            Assert.False(e.MessageTemplate.Text.Contains(token, StringComparison.Ordinal), where);
            Assert.False(e.RenderMessage(CultureInfo.InvariantCulture).Contains(token, StringComparison.Ordinal), where);
            foreach (var (name, value) in e.Properties)
            {
                Assert.False(value.ToString().Contains(token, StringComparison.Ordinal), $"{where}, property {name}");
            }

            Assert.False((e.Exception?.ToString() ?? string.Empty).Contains(token, StringComparison.Ordinal), $"{where}, exception");
        }
    }

    [Theory]
    [InlineData("GET /Calendar/abcDEF123_-xyz.ics answered", "GET /Calendar/(secret).ics answered")]
    [InlineData("http://localhost/calendar/abcDEF123_-xyz.ics?x=1", "http://localhost/Calendar/(secret).ics?x=1")]
    [InlineData("/Calendar/abcDEF123_-xyz", "/Calendar/(secret).ics")]
    [InlineData("/Milestones?site=4", "/Milestones?site=4")]
    public void Feed_paths_are_redacted_in_any_text(string text, string expected)
    {
        Assert.Equal(expected, SecretPathRedactor.Redact(text));
    }
}
