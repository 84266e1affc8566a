using System.Globalization;
using System.Text;
using static PspPortal.Web.Pages.Shared.SvgMarkup;

namespace PspPortal.Web.Pages.Shared;

public sealed record PercentBarRow(string Label, int? Progress, int? OnTime);

public sealed record StackedBarRow(string Label, IReadOnlyList<int> Counts);

/// <summary>The cohort charts as server-rendered SVG: percentage bars (progress and on-time completion) and stacked
/// bars (requests by core area). Each series has its own color and fill pattern and is named in a legend, every bar
/// carries its value as text, and the page shows the same figures in a table.</summary>
public static class ChartSvg
{
    private const double Width = 960;
    private const double LabelWidth = 230;
    private const double ValueWidth = 70;

    private static readonly string[] Colors = ["#005ea2", "#c05600", "#00703c", "#6b4ea0", "#b50909", "#1b1b1b", "#0b7285", "#76766a"];

    public static string PercentBars(string id, string title, string description, IReadOnlyList<PercentBarRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        const double top = 44;
        const double bar = 14;
        const double rowHeight = (bar * 2) + 16;
        var height = top + (rows.Count * rowHeight) + 28;
        var barArea = Width - LabelWidth - ValueWidth;
        double W(int percent) => barArea * Math.Clamp(percent, 0, 100) / 100.0;

        var sb = new StringBuilder(4096);
        Open(sb, id, Width, height, title, description, "psp-chart");
        sb.Append("<defs>").Append(Pattern($"{id}-p0", Colors[0], 0)).Append(Pattern($"{id}-p1", Colors[2], 1)).Append("</defs>");
        LegendItem(sb, $"{id}-p0", "Progress (completed of due so far)", LabelWidth, 14);
        LegendItem(sb, $"{id}-p1", "On-time completion", LabelWidth + 300, 14);

        for (var p = 0; p <= 100; p += 25)
        {
            var x = LabelWidth + W(p);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Num(x)}\" y1=\"{Num(top - 6)}\" x2=\"{Num(x)}\" y2=\"{Num(height - 24)}\" stroke=\"#dfe1e2\" stroke-width=\"1\"/>")
              .Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(x)}\" y=\"{Num(height - 8)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#3d4551\">{p}%</text>");
        }

        var y = top;
        foreach (var row in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"psp-chart__row\"><text x=\"{Num(LabelWidth - 8)}\" y=\"{Num(y + bar + 4)}\" text-anchor=\"end\" font-size=\"14\" fill=\"#1b1b1b\">{Text(Shorten(row.Label))}</text>");
            PercentBar(sb, $"{id}-p0", row.Label, "progress", row.Progress, y, bar, W);
            PercentBar(sb, $"{id}-p1", row.Label, "on-time completion", row.OnTime, y + bar + 2, bar, W);
            sb.Append("</g>");
            y += rowHeight;
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    public static string StackedBars(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<StackedBarRow> rows)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(rows);
        const double bar = 22;
        const double rowHeight = 32;
        const double legendRow = 22;
        var legendLines = (categories.Count + 2) / 3;
        var top = 10 + (legendLines * legendRow) + 10;
        var height = top + (rows.Count * rowHeight) + 10;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Counts.Sum()));
        var barArea = Width - LabelWidth - ValueWidth;

        var sb = new StringBuilder(8192);
        Open(sb, id, Width, height, title, description, "psp-chart");
        sb.Append("<defs>");
        for (var c = 0; c < categories.Count; c++)
        {
            sb.Append(Pattern($"{id}-p{c}", Colors[c % Colors.Length], c));
        }

        sb.Append("</defs>");
        for (var c = 0; c < categories.Count; c++)
        {
            LegendItem(sb, $"{id}-p{c}", categories[c], 10 + (c % 3 * 315), 10 + (c / 3 * legendRow));
        }

        var y = top;
        foreach (var row in rows)
        {
            var total = row.Counts.Sum();
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"psp-chart__row\"><text x=\"{Num(LabelWidth - 8)}\" y=\"{Num(y + 16)}\" text-anchor=\"end\" font-size=\"14\" fill=\"#1b1b1b\">{Text(Shorten(row.Label))}</text>");
            var x = LabelWidth;
            for (var c = 0; c < row.Counts.Count && c < categories.Count; c++)
            {
                var count = row.Counts[c];
                if (count == 0)
                {
                    continue;
                }

                var w = barArea * count / max;
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Num(x)}\" y=\"{Num(y)}\" width=\"{Num(w)}\" height=\"{Num(bar)}\" fill=\"url(#{id}-p{c})\" stroke=\"#ffffff\" stroke-width=\"1\"><title>{Text($"{row.Label}, {categories[c]}: {count}")}</title></rect>");
                x += w;
            }

            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(x + 6)}\" y=\"{Num(y + 16)}\" font-size=\"14\" fill=\"#1b1b1b\">{total}</text></g>");
            y += rowHeight;
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void PercentBar(StringBuilder sb, string pattern, string label, string measure, int? percent, double y, double bar, Func<int, double> width)
    {
        var text = percent is { } p ? $"{p}%" : "none yet";
        if (percent is { } value)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Num(LabelWidth)}\" y=\"{Num(y)}\" width=\"{Num(Math.Max(1, width(value)))}\" height=\"{Num(bar)}\" fill=\"url(#{pattern})\"><title>{Text($"{label}, {measure}: {text}")}</title></rect>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(LabelWidth + width(percent ?? 0) + 6)}\" y=\"{Num(y + bar - 3)}\" font-size=\"12\" fill=\"#1b1b1b\">{text}</text>");
    }

    private static void LegendItem(StringBuilder sb, string pattern, string label, double x, double y)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Num(x)}\" y=\"{Num(y)}\" width=\"16\" height=\"16\" fill=\"url(#{pattern})\" stroke=\"#1b1b1b\" stroke-width=\"1\"/>")
          .Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(x + 22)}\" y=\"{Num(y + 13)}\" font-size=\"14\" fill=\"#1b1b1b\">{Text(label)}</text>");
    }

    /// <summary>A fill of one color with its own white texture (none, stripes, dots, bars …), so series differ by more than color.</summary>
    private static string Pattern(string id, string color, int index)
    {
        var texture = (index % 4) switch
        {
            1 => "<path d=\"M0 8 L8 0\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>",
            2 => "<circle cx=\"4\" cy=\"4\" r=\"1.5\" fill=\"#ffffff\"/>",
            3 => "<path d=\"M0 4 H8\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>",
            _ => string.Empty,
        };
        return $"<pattern id=\"{id}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"{color}\"/>{texture}</pattern>";
    }

    private static string Shorten(string label) => label.Length <= 30 ? label : string.Concat(label.AsSpan(0, 29), "…");
}
