using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Web.Data;

namespace PspPortal.Tests.Infrastructure;

/// <summary>The whole portal over HTTP in memory, on a real SQLite file of its own, migrated and seeded with the demo
/// data exactly as `dotnet run` does it. One per test collection; the file is deleted afterwards.</summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Portal-2026!";

    public PortalFactory()
        : this(Path.Combine(Path.GetTempPath(), $"psp-tests-{Guid.NewGuid():N}.db"))
    {
    }

    /// <summary>A portal on the given database file: a second instance beside another (Operations/TwoInstancesTests).</summary>
    protected PortalFactory(string databasePath) => DatabasePath = databasePath;

    public string DatabasePath { get; }

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
        // Every test client comes from the same address, and some tests fail sign-ins on purpose: failures are not
        // slowed here, so that no test waits on another's failures. SignInThrottleTests has a factory of its own.
        builder.UseSetting("Security:SignInThrottle:FirstDelay", "00:00:00");
        // The scheduler (outbox delivery, digests, reminders) is off: tests run the jobs' services directly.
        builder.UseSetting("Scheduler:Enabled", "false");
        // The API's per-token limit is far out of reach of any test; ApiRateLimitTests lowers it on purpose.
        builder.UseSetting("Api:RequestsPerMinute", "1000000");
        ConfigureMore(builder);
    }

    /// <summary>For a factory that needs other settings (a fixed clock, a lower limit).</summary>
    protected virtual void ConfigureMore(IWebHostBuilder builder)
    {
    }

    /// <summary>A client that signs in through the real sign-in form, as a person does.</summary>
    public async Task<PortalClient> SignInAsync(string email, string password = DemoPassword)
    {
        var client = CreatePortalClient();
        var response = await client.SignInAsync(email, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A context on the same database file, to arrange or check data directly.</summary>
    public PortalDbContext CreateDbContext()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PortalDbContext>();
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

[CollectionDefinition(Name)]
public sealed class PortalTests : ICollectionFixture<PortalFactory>
{
    public const string Name = "portal";
}
