namespace PspPortal.Web.Pages.Api;

/// <summary>Settings of the read-only API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Requests one token may make per minute; more answer 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>Items on a page when the request names no limit.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>The largest limit a request may ask for; a larger one is capped to it.</summary>
    public int MaxPageSize { get; set; } = 200;
}
