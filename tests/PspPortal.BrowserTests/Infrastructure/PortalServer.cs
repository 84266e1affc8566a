using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace PspPortal.BrowserTests.Infrastructure;

/// <summary>The whole portal served for real by Kestrel on a free loopback port, on a SQLite file of its own, migrated
/// and seeded with the demo data exactly as `dotnet run` does it (the same settings as the page tests' PortalFactory).</summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Portal-2026!";

    public PortalServer() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"psp-browser-tests-{Guid.NewGuid():N}.db");

    /// <summary>Where the running server listens, such as http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Builds the app, migrates and seeds its database and starts Kestrel; then reads back the bound address.</summary>
    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server does not tell its addresses.");
        Address = new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // The limits are set for the suite, not left to defaults: correct sign-ins are never refused whatever their
        // number, and a failed one is never slowed, so no test waits on what another test did.
        builder.UseSetting("Security:SignInThrottle:FirstDelay", "00:00:00");
        // No scheduler: the journeys need no mail delivery, digests or reminders.
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Security:Lockout:MaxFailedAttempts", "5");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
