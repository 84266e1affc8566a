namespace PspPortal.Web.Pages;

public static class QueryValues
{
    /// <summary>Route values for a link, leaving out the empty ones so that links stay short.</summary>
    public static IDictionary<string, string> Of(params (string Key, string? Value)[] values) =>
        values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
}
