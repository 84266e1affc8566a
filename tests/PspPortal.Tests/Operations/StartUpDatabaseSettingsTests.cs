using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Operations;

/// <summary>A database setting the portal cannot use stops start-up, and the `migrate` verb stops within a minute,
/// each with a message that names the setting or the database and never the password.</summary>
public class StartUpDatabaseSettingsTests
{
    private sealed class ConfiguredFactory(Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:MigrateOnStartup", "false");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    private static string StartFailure(Dictionary<string, string?> settings)
    {
        using var factory = new ConfiguredFactory(settings);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        return string.Join(Environment.NewLine, Chain(error).Select(e => e.Message));
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    [Fact]
    public void An_unknown_provider_stops_start_up_naming_the_setting_and_the_choices()
    {
        var failure = StartFailure(new() { ["Database:Provider"] = "Oracle" });

        Assert.Contains("Database:Provider 'Oracle' is not supported: use Sqlite (one machine, the default) or SqlServer (several machines)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void SQL_Server_without_a_connection_string_stops_start_up_naming_the_setting()
    {
        var failure = StartFailure(new() { ["Database:Provider"] = "SqlServer", ["ConnectionStrings:Portal"] = "" });

        Assert.Contains("Database:Provider is SqlServer but ConnectionStrings:Portal is empty", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_stops_naming_the_SQL_Server_it_cannot_reach_and_never_the_password()
    {
        // Port 1 on this machine: nothing listens there, so the connection is refused.
        const string Password = "Never-In-A-Log-42";
        var run = await PortalProcess.RunAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "SqlServer",
            ["ConnectionStrings__Portal"] = $"Server=tcp:127.0.0.1,1;Database=PspPortal;User Id=psp_portal;Password={Password};Connect Timeout=5;Encrypt=False",
        }, "migrate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Cannot reach the SQL Server database 'PspPortal' on 'tcp:127.0.0.1,1'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Error + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_stops_naming_the_SQLite_file_it_cannot_open()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "portal.db");
        var run = await PortalProcess.RunAsync(new Dictionary<string, string> { ["ConnectionStrings__Portal"] = $"Data Source={path}" }, "migrate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Cannot reach the SQLite database 'main' on '{path}'", run.Error, StringComparison.Ordinal);
    }
}
