using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Pages.Milestones;
using Serilog.Core;

namespace PspPortal.Tests.Security;

/// <summary>The portal with every log level on, every event captured, and the rolling JSON file an operator
/// configures (Serilog:WriteTo, docs/operations.md).</summary>
public sealed class FileLogFactory : PortalFactory
{
    public CapturedLogEvents Events { get; } = new();

    public string LogFolder { get; } = Path.Combine(Path.GetTempPath(), $"psp-logs-{Guid.NewGuid():N}");

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Verbose");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Verbose");
        builder.UseSetting("Serilog:WriteTo:0:Args:restrictedToMinimumLevel", "Warning");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:1:Name"] = "File",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(LogFolder, "portal-.json"),
            ["Serilog:WriteTo:1:Args:rollingInterval"] = "Day",
            ["Serilog:WriteTo:1:Args:formatter:type"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
        }));
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Events));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(LogFolder))
        {
            Directory.Delete(LogFolder, recursive: true);
        }
    }
}

/// <summary>No password, authenticator key or code, recovery code, cookie, antiforgery token or calendar feed path
/// reaches a log line, at any level, while a person signs in, sets up two-factor authentication and their calendar
/// app fetches the feed; and each request's log event says who, which page, the status and the time.</summary>
public class LogSecretsTests(FileLogFactory factory) : IClassFixture<FileLogFactory>
{
    [Fact]
    public async Task Sign_in_two_factor_set_up_and_a_feed_request_leave_no_secret_in_any_log_line()
    {
        var secrets = new List<string> { Accounts.Password };
        var (userId, email) = await Accounts.CreateAsync(factory);

        // Sign-in: a wrong password first (logged as a failure), then the right one.
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(email, "wrong " + Accounts.Password);
        var signedIn = await client.SignInAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        secrets.Add(Accounts.SessionCookie(signedIn).Split('=', 2)[1]);

        // Two-factor set-up: the key, the code typed and the recovery codes shown.
        var manage = await client.GetDocumentAsync("/Account/Manage");
        secrets.Add(manage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        var (key, codes) = await Accounts.EnableTwoFactorAsync(client);
        secrets.Add(key.Replace(" ", string.Empty, StringComparison.Ordinal));
        secrets.AddRange(codes);

        // The calendar feed: its path is its secret.
        var token = CalendarFeed.NewToken();
        await using (var db = factory.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.CalendarFeedTokenHash = CalendarFeed.Hash(token);
            await db.SaveChangesAsync();
        }

        using var calendar = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await calendar.GetAsync(CalendarFeed.PathFor(token))).StatusCode);
        secrets.Add(token);

        var events = factory.Events.All;
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            var where = $"{e.Level} event \"{e.MessageTemplate.Text}\"";
            var text = e.RenderMessage(CultureInfo.InvariantCulture) + string.Join("|", e.Properties.Select(p => $"{p.Key}={p.Value}")) + e.Exception;
            foreach (var secret in secrets.Where(s => s.Length >= 6))
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} holds a secret");
            }
        }

        // The rolling file, as written (compact JSON, one event a line; the sink writes each event through).
        var files = Directory.Exists(factory.LogFolder) ? Directory.GetFiles(factory.LogFolder, "portal-*.json") : [];
        var lines = new List<string>();
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            lines.AddRange((await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        Assert.True(lines.Count > 0, $"No log file in {factory.LogFolder}.");
        Assert.All(lines, line => Assert.StartsWith("{\"@t\":", line, StringComparison.Ordinal));
        foreach (var line in lines)
        {
            foreach (var secret in secrets.Where(s => s.Length >= 6))
            {
                Assert.False(line.Contains(secret, StringComparison.Ordinal), "A line of the log file holds a secret.");
            }
        }

        // The request log: who, which page, status and time.
        var manageRequest = events.Last(e => e.Properties.TryGetValue("RouteName", out var route) && route.ToString() == "\"/Account/Manage\"");
        Assert.Equal($"\"{userId}\"", manageRequest.Properties["UserId"].ToString());
        Assert.True(manageRequest.Properties.ContainsKey("StatusCode"));
        Assert.True(manageRequest.Properties.ContainsKey("Elapsed"));
        Assert.Contains(events, e => e.Properties.TryGetValue("RouteName", out var route) && route.ToString() == "\"/Calendar/(secret).ics\"");
    }
}
