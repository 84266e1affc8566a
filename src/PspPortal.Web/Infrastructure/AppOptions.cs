using Microsoft.Extensions.Options;

namespace PspPortal.Web.Infrastructure;

/// <summary>The "App" configuration section: facts about where the portal is published.</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>The public address used in links in mail and calendar feeds (never the request's Host header), such as
    /// <c>https://portal.example.gov/</c>. Required outside Development, where it must be https; in Development without
    /// it the request's own address is used.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The base address with a trailing slash, or null when <paramref name="value"/> is not an absolute http or
    /// https address without user name, query or fragment.</summary>
    public static Uri? ParseBaseUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.UserInfo)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            return null;
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}

/// <summary>Checks <c>App:BaseUrl</c> when the host starts, so that a bad or missing value stops start-up with a message
/// that names the setting instead of producing wrong links later.</summary>
internal sealed class AppOptionsValidator(IHostEnvironment environment) : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"App:BaseUrl is required in the {environment.EnvironmentName} environment: set it to the portal's public address, such as https://portal.example.gov/. "
                    + "Links in mail and calendar feeds are built from it (never from the request's Host header), and its host is the one the portal answers to.");
        }

        var uri = AppOptions.ParseBaseUrl(options.BaseUrl);
        if (uri is null)
        {
            return ValidateOptionsResult.Fail(
                $"App:BaseUrl '{options.BaseUrl}' is not an absolute http or https address without user name, query or fragment, such as https://portal.example.gov/.");
        }

        if (!environment.IsDevelopment() && uri.Scheme != Uri.UriSchemeHttps)
        {
            return ValidateOptionsResult.Fail(
                $"App:BaseUrl '{options.BaseUrl}' must be an https address outside Development: the portal's cookies are Secure there, so it only works over HTTPS.");
        }

        return ValidateOptionsResult.Success;
    }
}
