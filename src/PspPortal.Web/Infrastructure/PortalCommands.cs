using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure.Security;

namespace PspPortal.Web.Infrastructure;

/// <summary>The verbs the executable takes before it would start serving: migrate, create-admin, generate-data.</summary>
public static class PortalCommands
{
    public static bool IsCommand(string[] args) =>
        args is ["migrate", ..] or ["create-admin", ..] or ["generate-data", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        switch (args[0])
        {
            case "migrate":
                return await MigrateAsync(app.Services, args);
            case "create-admin":
                return await CreateAdminAsync(app.Services, args);
            case "generate-data":
                return await GenerateDataAsync(app.Services, args);
            default:
                Console.Error.WriteLine($"Unknown command '{args[0]}'.");
                return 2;
        }
    }

    /// <summary>How long <c>migrate</c> waits for the database to answer before it gives up and says why.</summary>
    public static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(30);

    /// <summary><c>migrate</c> applies the configured provider's pending migrations and seeds reference data;
    /// <c>migrate --script FILE</c> writes their idempotent SQL script instead (for a DBA to review and run) and touches
    /// no database.</summary>
    private static async Task<int> MigrateAsync(IServiceProvider services, string[] args)
    {
        var scriptIndex = Array.IndexOf(args, "--script");
        if (scriptIndex >= 0)
        {
            if (scriptIndex + 1 >= args.Length || args[scriptIndex + 1].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine("Usage: PspPortal.Web migrate --script FILE");
                return 2;
            }

            var file = Path.GetFullPath(args[scriptIndex + 1]);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var script = await MigrationScript.ForConfiguredDatabaseAsync(db);
            await File.WriteAllTextAsync(file, script);
            Console.WriteLine($"Wrote the {(db.Database.IsSqlServer() ? "idempotent " : string.Empty)}{ProviderName(db)} migration script to {file}.");
            return 0;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var problem = await ReachAsync(db);
            if (problem is not null)
            {
                Console.Error.WriteLine(problem);
                return 1;
            }

            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            await db.Database.MigrateAsync();
            Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        }

        await services.MigrateAndSeedAsync();
        return 0;
    }

    /// <summary>Opens one connection, without the execution strategy's retries, within <see cref="ConnectLimit"/>;
    /// null when it opened, otherwise a sentence that names the provider, the server and database (never the
    /// password) and the reason.</summary>
    public static async Task<string?> ReachAsync(PortalDbContext db, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        var where = $"{ProviderName(db)} database '{connection.Database}' on '{connection.DataSource}'";
        using var timeout = new CancellationTokenSource(limit ?? ConnectLimit);
        try
        {
            await connection.OpenAsync(timeout.Token);
            await connection.CloseAsync();
            return null;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException or TimeoutException)
        {
            var reason = e is OperationCanceledException ? $"no answer within {(limit ?? ConnectLimit).TotalSeconds:0} seconds" : e.Message;
            return $"Cannot reach the {where}: {reason}. Check ConnectionStrings:Portal, the network and the server (docs/operations.md).";
        }
    }

    private static string ProviderName(PortalDbContext db) => db.Database.IsSqlServer() ? "SQL Server" : "SQLite";

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        var emailIndex = Array.IndexOf(args, "--email");
        if (emailIndex < 0 || emailIndex + 1 >= args.Length)
        {
            Console.Error.WriteLine("Usage: PspPortal.Web create-admin --email someone@agency.gov");
            return 2;
        }

        var email = args[emailIndex + 1];
        var password = Environment.GetEnvironmentVariable("PSP_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password for the administrator: ");
            password = ReadSecret();
        }

        await services.MigrateAndSeedAsync();
        var errors = await MakeAdministratorAsync(services, email, password);
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error);
        }

        if (errors.Count > 0)
        {
            return 1;
        }

        Console.WriteLine($"{email} is an Administrator.");
        return 0;
    }

    /// <summary>
    /// Creates the account as an administrator, or, when it exists, sets its password, enables and unlocks it and
    /// makes it an administrator. This is how an operator takes back an account whose password is lost or may be
    /// known to someone else, so every session the account had ends, and the audit trail says what was done.
    /// </summary>
    /// <returns>The problems, or none when the account is an administrator with that password.</returns>
    internal static async Task<IReadOnlyList<string>> MakeAdministratorAsync(IServiceProvider services, string email, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var auditor = scope.ServiceProvider.GetRequiredService<SecurityAuditor>();
        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        IdentityResult result;
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = email, CreatedAt = DateTime.UtcNow };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, password);
            if (result.Succeeded)
            {
                user.IsDisabled = false;
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                await users.UpdateSecurityStampAsync(user);
                await scope.ServiceProvider.GetRequiredService<ISessionTerminator>().EndSessionsForUserAsync(user.Id);
            }
        }

        if (result.Succeeded && !await users.IsInRoleAsync(user, Roles.Administrator))
        {
            result = await users.AddToRoleAsync(user, Roles.Administrator);
        }

        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description).ToList();
        }

        await auditor.RecordAsync(
            created ? SecurityActions.AccountCreated : SecurityActions.PasswordSet,
            user.Id,
            email,
            created
                ? "Administrator created from the command line (create-admin)."
                : "Password set, account enabled and unlocked, Administrator role held, and every session ended, from the command line (create-admin).");
        return [];
    }

    private static async Task<int> GenerateDataAsync(IServiceProvider services, string[] args)
    {
        if (!TryReadCount(args, "--sites", out var sites) || !TryReadCount(args, "--requests", out var requests))
        {
            Console.Error.WriteLine("Usage: PspPortal.Web generate-data --sites N --requests M");
            return 2;
        }

        // The demo program and accounts come first, whatever Demo:Seed says: benchmarks sign in as them.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Database.MigrateAsync();
            var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Data.Seeding.DemoOptions>>();
            options.Value.Seed = true;
            await scope.ServiceProvider.GetRequiredService<Data.Seeding.DemoSeeder>().SeedAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var generator = ActivatorUtilities.CreateInstance<Data.Seeding.SyntheticProgramGenerator>(scope.ServiceProvider);
            var started = System.Diagnostics.Stopwatch.StartNew();
            using var bar = GenerationProgressBar.Start(Console.IsOutputRedirected);
            await generator.GenerateAsync(sites, requests, bar);
            bar.Dispose();
            Console.WriteLine($"Done in {started.Elapsed.TotalSeconds:F1} s.");
        }

        return 0;
    }

    private static bool TryReadCount(string[] args, string name, out int value)
    {
        value = 0;
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length
            && int.TryParse(args[index + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value)
            && value is >= 0 and <= 1_000_000;
    }

    private static string ReadSecret()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? string.Empty;
        }

        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return new string([.. chars]);
            }

            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}
