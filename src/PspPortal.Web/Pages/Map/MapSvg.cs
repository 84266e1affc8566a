using System.Globalization;
using System.Text;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Map;

/// <summary>The map of PSP sites as SVG: the states, the inset frames, and a marker per site whose shape says its
/// status and whose label says its cohort's year (colour repeats the status, never alone). A site in the user's
/// scope is a link to its page; any other is a picture with a name only.</summary>
public static class MapSvg
{
    public sealed record Marker(int Id, string Name, string State, double Latitude, double Longitude, string Cohort, int CohortYear, EngagementStatus Status, bool Linked);

    public static string Render(UsMap map, IReadOnlyList<Marker> markers, string description)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(markers);
        var sb = new StringBuilder(200_000);
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"psp-map\" id=\"site-map\" viewBox=\"0 0 {SvgMarkup.Num(map.Width)} {SvgMarkup.Num(map.Height)}\" ")
          .Append("role=\"group\" aria-labelledby=\"site-map-title\" aria-describedby=\"site-map-desc\" font-family=\"Source Sans Pro Web, Helvetica Neue, Helvetica, Roboto, Arial, sans-serif\">")
          .Append("<title id=\"site-map-title\">Map of PSP sites</title>")
          .Append(CultureInfo.InvariantCulture, $"<desc id=\"site-map-desc\">{SvgMarkup.Text(description)}</desc>")
          .Append("<g aria-hidden=\"true\">");
        foreach (var state in map.States)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<path class=\"psp-map__state\" d=\"{state.Path}\"><title>{SvgMarkup.Text(state.Name)}</title></path>");
        }

        foreach (var box in map.Insets.Values)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"psp-map__inset\" x=\"{SvgMarkup.Num(box[0])}\" y=\"{SvgMarkup.Num(box[1])}\" width=\"{SvgMarkup.Num(box[2] - box[0])}\" height=\"{SvgMarkup.Num(box[3] - box[1])}\"/>");
        }

        sb.Append("</g>");
        // Southern and western sites first, so that a marker further north-east is drawn over its neighbours.
        // A site without coordinates (0, 0) is left off the picture; the table still lists it.
        foreach (var m in markers.Where(m => m.Latitude != 0 || m.Longitude != 0).OrderByDescending(m => m.Latitude).ThenBy(m => m.Longitude))
        {
            var (x, y) = map.Project(m.State, m.Latitude, m.Longitude);
            var label = $"{m.Name}, {m.State}: {m.Cohort}, {StatusWord(m.Status)}{(m.Linked ? string.Empty : " (not one of your sites)")}";
            sb.Append(m.Linked
                ? $"<a href=\"/Sites/{m.Id.ToString(CultureInfo.InvariantCulture)}\" aria-label=\"{SvgMarkup.Text(label)}\">"
                : $"<g role=\"img\" aria-label=\"{SvgMarkup.Text(label)}\">");
            sb.Append(CultureInfo.InvariantCulture, $"<title>{SvgMarkup.Text(label)}</title>");
            sb.Append(Shape(m.Status, x, y));
            sb.Append(m.Linked ? "</a>" : "</g>");
            // The cohort's year beside the marker, outside the link (whose name already says the cohort).
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{SvgMarkup.Num(x + 8)}\" y=\"{SvgMarkup.Num(y + 3.5)}\" font-size=\"10\" fill=\"#1b1b1b\" aria-hidden=\"true\">{(m.CohortYear % 100).ToString("00", CultureInfo.InvariantCulture)}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>A marker's shape by status: Active a circle, Sustainment a square, Completed a diamond, Planned a
    /// triangle, Withdrawn a triangle pointing down.</summary>
    public static string Shape(EngagementStatus status, double x, double y)
    {
        var css = $"psp-map__site psp-map__site--{status.ToString().ToLowerInvariant()}";
        string P(params (double X, double Y)[] points) =>
            $"<path class=\"{css}\" d=\"M{string.Join(" L", points.Select(p => $"{SvgMarkup.Num(x + p.X)} {SvgMarkup.Num(y + p.Y)}"))} Z\"/>";
        return status switch
        {
            EngagementStatus.Active => $"<circle class=\"{css}\" cx=\"{SvgMarkup.Num(x)}\" cy=\"{SvgMarkup.Num(y)}\" r=\"6\"/>",
            EngagementStatus.Sustainment => $"<rect class=\"{css}\" x=\"{SvgMarkup.Num(x - 5.5)}\" y=\"{SvgMarkup.Num(y - 5.5)}\" width=\"11\" height=\"11\"/>",
            EngagementStatus.Completed => P((0, -7), (7, 0), (0, 7), (-7, 0)),
            EngagementStatus.Planned => P((0, -7), (6.5, 5), (-6.5, 5)),
            _ => P((0, 7), (6.5, -5), (-6.5, -5)),
        };
    }

    public static string StatusWord(EngagementStatus status) => status.ToString();
}
