namespace PspPortal.Web.Infrastructure.Mail;

/// <summary>The "Mail" configuration section (PRODUCT-spec "Second release"): the SMTP server, or, with no host, a
/// pickup directory where each message is written as an .eml file.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public SmtpOptions Smtp { get; set; } = new();

    public string From { get; set; } = "psp-portal@psp.example";

    /// <summary>Where messages go when <see cref="SmtpOptions.Host"/> is empty; relative to the content root.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>How many outbox rows one delivery run claims.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>The wait after a first failure; doubled for each further failure, up to <see cref="LongestRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a delivery run holds the rows it claimed; a run that dies leaves them to another after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseTls { get; set; } = true;
    public string? UserName { get; set; }

    /// <summary>A secret: read from configuration (user secrets, environment), never logged or shown.</summary>
    public string? Password { get; set; }
}
