using System.Globalization;
using System.Text;

namespace PspPortal.Web.Pages.Shared;

/// <summary>Small helpers for the server-rendered SVG pictures: every piece of text goes through <see cref="Text"/>,
/// every number is written with the invariant culture. No inline styles: presentation attributes and site.css classes only.</summary>
public static class SvgMarkup
{
    /// <summary>Text escaped for XML content and attribute values (user text included).</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) && c is not '\n' and not '\t' => " ",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    public static string Num(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The opening of an accessible picture: role="img" named by its title and described by its description.</summary>
    public static void Open(StringBuilder sb, string id, double width, double height, string title, string description, string cssClass)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{cssClass}\" id=\"{id}\" viewBox=\"0 0 {Num(width)} {Num(height)}\" ")
          .Append(CultureInfo.InvariantCulture, $"role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\" font-family=\"Source Sans Pro Web, Helvetica Neue, Helvetica, Roboto, Arial, sans-serif\">")
          .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Text(title)}</title>")
          .Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{Text(description)}</desc>");
    }
}
