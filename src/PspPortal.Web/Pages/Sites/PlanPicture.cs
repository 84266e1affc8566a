using System.Globalization;
using System.Text;
using PspPortal.Web.Domain;
using static PspPortal.Web.Pages.Shared.SvgMarkup;

namespace PspPortal.Web.Pages.Sites;

/// <summary>The plan's implementation as a small server-rendered SVG: one bar per figure (strategies implemented,
/// recommendations addressed, linked requests delivered), each a track of the whole with the done part filled and its
/// count written beside it, then one thin bar per goal. The plan page shows the same figures in a table.</summary>
public static class PlanPicture
{
    private const double Width = 720;
    private const double LabelWidth = 250;
    private const double ValueWidth = 130;
    private const double Bar = 18;
    private const double Row = 30;

    public static string Render(string id, string siteName, PlanCounts figures, IReadOnlyList<PlanModel.GoalView> goals)
    {
        ArgumentNullException.ThrowIfNull(goals);
        var rows = new List<(string Label, int Done, int Whole, bool Strong)>
        {
            ("Strategies implemented", figures.Implemented, figures.Strategies, true),
            ("Recommendations addressed", figures.Addressed, figures.Recommendations, true),
            ("Linked requests delivered", figures.Delivered, figures.Requests, true),
        };
        foreach (var goal in goals)
        {
            var counted = goal.Strategies.Count(s => s.Status != StrategyStatus.Dropped);
            rows.Add(($"Goal {goal.Number}: strategies implemented", goal.Strategies.Count(s => s.Status == StrategyStatus.Implemented), counted, false));
        }

        var height = 12 + (rows.Count * Row) + 6;
        var description =
            $"Implementation of the strategic plan of {siteName}: {Words(figures.Implemented, figures.Strategies)} strategies implemented, " +
            $"{Words(figures.Addressed, figures.Recommendations)} recommendations addressed, {Words(figures.Delivered, figures.Requests)} linked TTA requests delivered" +
            (goals.Count > 0 ? "; then one bar per goal. " : ". ") + "The table below gives the same figures.";

        var sb = new StringBuilder(2048);
        Open(sb, id, Width, height, $"Plan implementation of {siteName}", description, "psp-chart psp-chart--small");
        var barArea = Width - LabelWidth - ValueWidth;
        var y = 12.0;
        foreach (var (label, done, whole, strong) in rows)
        {
            var thickness = strong ? Bar : Bar / 2;
            var top = y + ((Bar - thickness) / 2);
            var share = whole == 0 ? 0 : (double)done / whole;
            var value = whole == 0 ? "none yet" : $"{done} of {whole} ({MilestoneFigures.Percent(done, whole)}%)";
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"psp-chart__row\"><text x=\"{Num(LabelWidth - 8)}\" y=\"{Num(y + 14)}\" text-anchor=\"end\" font-size=\"{(strong ? 14 : 12)}\" fill=\"#1b1b1b\">{Text(label)}</text>")
              .Append(CultureInfo.InvariantCulture, $"<rect x=\"{Num(LabelWidth)}\" y=\"{Num(top)}\" width=\"{Num(barArea)}\" height=\"{Num(thickness)}\" fill=\"#ffffff\" stroke=\"#71767a\" stroke-width=\"1\"/>");
            if (done > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Num(LabelWidth)}\" y=\"{Num(top)}\" width=\"{Num(Math.Max(1, barArea * share))}\" height=\"{Num(thickness)}\" fill=\"{(strong ? "#005ea2" : "#00703c")}\"><title>{Text($"{label}: {value}")}</title></rect>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(LabelWidth + barArea + 8)}\" y=\"{Num(y + 14)}\" font-size=\"13\" fill=\"#1b1b1b\">{Text(value)}</text></g>");
            y += Row;
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Words(int done, int whole) => whole == 0 ? "no" : $"{done} of {whole}";
}
