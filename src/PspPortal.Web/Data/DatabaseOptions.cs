namespace PspPortal.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
