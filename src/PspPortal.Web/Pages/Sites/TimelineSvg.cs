using System.Globalization;
using System.Text;
using PspPortal.Web.Domain;
using static PspPortal.Web.Pages.Shared.SvgMarkup;

namespace PspPortal.Web.Pages.Sites;

/// <summary>How a milestone appears on the timeline; overdue is worked out from the date, the others are its status.</summary>
public enum TimelineMark
{
    Completed,
    Upcoming,
    Overdue,
    Deferred,
}

public sealed record TimelineMilestone(int Number, string Title, DateOnly DueDate, MilestoneStatus Status, DateOnly? CompletedOn, DateOnly Today)
{
    public TimelineMark Mark => Status switch
    {
        MilestoneStatus.Completed => TimelineMark.Completed,
        MilestoneStatus.Deferred => TimelineMark.Deferred,
        _ => EngagementMilestone.IsOverdue(Status, DueDate, Today) ? TimelineMark.Overdue : TimelineMark.Upcoming,
    };
}

/// <summary>The engagement timeline as a server-rendered SVG: the 36 months of the engagement as an axis, each
/// milestone placed by its due date and marked by status with a distinct shape (not color alone), a numbered label
/// that matches the table beside it, and a labelled line for today.</summary>
public static class TimelineSvg
{
    private const double Width = 960;
    private const double Left = 44;
    private const double Right = 44;
    private const double Axis = 110;
    private const double Height = 215;

    public static string Label(TimelineMark mark) => mark switch
    {
        TimelineMark.Completed => "Completed",
        TimelineMark.Overdue => "Overdue",
        TimelineMark.Deferred => "Deferred",
        _ => "Upcoming",
    };

    public static string Render(string id, string siteName, DateOnly start, DateOnly end, DateOnly today, IReadOnlyList<TimelineMilestone> milestones)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        var from = milestones.Count > 0 ? Min(start, milestones.Min(m => m.DueDate)) : start;
        var to = milestones.Count > 0 ? Max(end, milestones.Max(m => m.DueDate)) : end;
        var span = Math.Max(1, to.DayNumber - from.DayNumber);
        double X(DateOnly d) => Left + ((Width - Left - Right) * (d.DayNumber - from.DayNumber) / span);

        var counts = milestones.GroupBy(m => m.Mark).ToDictionary(g => g.Key, g => g.Count());
        int CountOf(TimelineMark mark) => counts.TryGetValue(mark, out var n) ? n : 0;
        var todayText = today < from || today > to
            ? $"Today ({D(today)}) is outside the engagement."
            : $"The line marks today, {D(today)}.";
        var description =
            $"The engagement of {siteName} runs from {D(start)} to {D(end)}. {milestones.Count} milestones: " +
            $"{CountOf(TimelineMark.Completed)} completed, {CountOf(TimelineMark.Overdue)} overdue, " +
            $"{CountOf(TimelineMark.Upcoming)} upcoming, {CountOf(TimelineMark.Deferred)} deferred. {todayText} " +
            "The table below lists the same milestones by number.";

        var sb = new StringBuilder(8192);
        Open(sb, id, Width, Height, $"Engagement timeline of {siteName}", description, "psp-chart psp-timeline");

        // The axis with a tick every three months and a date label every six.
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Num(Left)}\" y1=\"{Num(Axis)}\" x2=\"{Num(Width - Right)}\" y2=\"{Num(Axis)}\" stroke=\"#565c65\" stroke-width=\"2\"/>");
        for (var month = -120; month <= 240; month += 3)
        {
            var tick = start.AddMonths(month);
            if (tick < from || tick > to)
            {
                continue;
            }

            var x = X(tick);
            var major = month % 6 == 0;
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Num(x)}\" y1=\"{Num(Axis)}\" x2=\"{Num(x)}\" y2=\"{Num(Axis + (major ? 10 : 5))}\" stroke=\"#565c65\" stroke-width=\"1\"/>");
            if (major)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(x)}\" y=\"{Num(Axis + 26)}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#3d4551\">{Text(tick.ToString("MMM yyyy", CultureInfo.InvariantCulture))}</text>");
            }
        }

        // Today's line, labelled, when today falls on the axis.
        if (today >= from && today <= to)
        {
            var x = X(today);
            var anchor = x > Width - 120 ? "end" : x < 120 ? "start" : "middle";
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"psp-timeline__today\"><line x1=\"{Num(x)}\" y1=\"18\" x2=\"{Num(x)}\" y2=\"{Num(Axis + 40)}\" stroke=\"#1b1b1b\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>")
              .Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(x)}\" y=\"13\" text-anchor=\"{anchor}\" font-size=\"13\" font-weight=\"700\" fill=\"#1b1b1b\">Today, {Text(D(today))}</text></g>");
        }

        // One mark per milestone; numbers alternate in two rows above the axis so that neighbours do not collide.
        var i = 0;
        foreach (var m in milestones.OrderBy(m => m.DueDate).ThenBy(m => m.Number))
        {
            var x = X(m.DueDate);
            var labelY = Axis - (i % 2 == 0 ? 22 : 42);
            var label = Label(m.Mark);
            var detail = m.Status == MilestoneStatus.Completed && m.CompletedOn is { } done
                ? $"{m.Number}. {m.Title}: due {D(m.DueDate)}, completed {D(done)}"
                : $"{m.Number}. {m.Title}: due {D(m.DueDate)}, {label.ToLowerInvariant()}";
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"psp-timeline__mark\" data-milestone=\"{m.Number}\" data-status=\"{label}\"><title>{Text(detail)}</title>");
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Num(x)}\" y1=\"{Num(labelY + 4)}\" x2=\"{Num(x)}\" y2=\"{Num(Axis - 9)}\" stroke=\"#a9aeb1\" stroke-width=\"1\"/>");
            sb.Append(Shape(m.Mark, x, Axis));
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(x)}\" y=\"{Num(labelY)}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"700\" fill=\"#1b1b1b\">{m.Number}</text></g>");
            i++;
        }

        // The legend: shape and word for every status.
        var legendX = Left;
        const double legendY = Height - 22;
        foreach (var mark in new[] { TimelineMark.Completed, TimelineMark.Upcoming, TimelineMark.Overdue, TimelineMark.Deferred })
        {
            sb.Append(Shape(mark, legendX + 8, legendY));
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(legendX + 22)}\" y=\"{Num(legendY + 5)}\" font-size=\"14\" fill=\"#1b1b1b\">{Label(mark)}</text>");
            legendX += 130;
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Completed: a filled green circle with a check; upcoming: an open blue circle; overdue: a red triangle
    /// with an exclamation mark; deferred: an open grey diamond. Shapes differ, so color is never the only cue.</summary>
    private static string Shape(TimelineMark mark, double x, double y) => mark switch
    {
        TimelineMark.Completed =>
            string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{Num(x)}\" cy=\"{Num(y)}\" r=\"8\" fill=\"#00703c\"/><path d=\"M{Num(x - 4)} {Num(y)} l3 3 l5 -6\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"2\"/>"),
        TimelineMark.Overdue =>
            string.Create(CultureInfo.InvariantCulture, $"<path d=\"M{Num(x)} {Num(y - 10)} L{Num(x + 9)} {Num(y + 7)} L{Num(x - 9)} {Num(y + 7)} Z\" fill=\"#b50909\"/><text x=\"{Num(x)}\" y=\"{Num(y + 5)}\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"700\" fill=\"#ffffff\">!</text>"),
        TimelineMark.Deferred =>
            string.Create(CultureInfo.InvariantCulture, $"<path d=\"M{Num(x)} {Num(y - 9)} L{Num(x + 9)} {Num(y)} L{Num(x)} {Num(y + 9)} L{Num(x - 9)} {Num(y)} Z\" fill=\"#ffffff\" stroke=\"#565c65\" stroke-width=\"2\"/>"),
        _ =>
            string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{Num(x)}\" cy=\"{Num(y)}\" r=\"7\" fill=\"#ffffff\" stroke=\"#005ea2\" stroke-width=\"3\"/>"),
    };

    private static string D(DateOnly d) => d.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
