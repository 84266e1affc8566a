namespace PspPortal.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The "Database" configuration section and <c>ConnectionStrings:Portal</c>, read once at start-up. A value
/// the portal cannot use stops start-up with a message that names the setting (<see cref="Read"/>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "Portal";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string as configured; empty means the default SQLite file (SQLite only).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Applies pending migrations when the web host starts (Development's default); production runs the
    /// <c>migrate</c> verb instead.</summary>
    public bool MigrateOnStartup { get; init; }

    /// <summary>Reads and checks the settings; throws <see cref="InvalidOperationException"/> with a message that names
    /// the setting and the accepted values.</summary>
    public static DatabaseOptions Read(IConfiguration configuration, bool migrateOnStartupByDefault)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var name = section["Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(name)
            && (!Enum.TryParse(name.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider)))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{name}' is not supported: use Sqlite (one machine, the default) or SqlServer (several machines). See docs/operations.md.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is SqlServer but ConnectionStrings:Portal is empty: set it (environment variable ConnectionStrings__Portal), "
                + "such as Server=db.agency.gov;Database=PspPortal;User Id=psp_portal;Password=…;Encrypt=True. See docs/operations.md.");
        }

        var migrate = section["MigrateOnStartup"];
        bool migrateOnStartup = migrateOnStartupByDefault;
        if (!string.IsNullOrWhiteSpace(migrate) && !bool.TryParse(migrate, out migrateOnStartup))
        {
            throw new InvalidOperationException($"Database:MigrateOnStartup '{migrate}' is not true or false.");
        }

        return new DatabaseOptions { Provider = provider, ConnectionString = connectionString, MigrateOnStartup = migrateOnStartup };
    }
}
