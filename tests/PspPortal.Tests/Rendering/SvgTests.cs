using System.Xml.Linq;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;
using PspPortal.Web.Pages.Sites;

namespace PspPortal.Tests.Rendering;

public class SvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateOnly Start = new(2025, 1, 6);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static List<TimelineMilestone> Plan() =>
        MilestonePlan.For(Start).Select((p, i) => new TimelineMilestone(
            i + 1, p.Title, p.DueDate, p.DueDate < new DateOnly(2026, 1, 1) ? MilestoneStatus.Completed : MilestoneStatus.Planned,
            p.DueDate < new DateOnly(2026, 1, 1) ? p.DueDate : null, Today)).ToList();

    [Fact]
    public void The_timeline_is_an_image_named_by_its_title_and_description_with_one_mark_per_milestone()
    {
        var svg = XElement.Parse(TimelineSvg.Render("timeline", "Tampa, FL", Start, Engagement.EndDateFor(Start), Today, Plan()));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("timeline-title timeline-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Engagement timeline of Tampa, FL", svg.Element(Svg + "title")!.Value);
        Assert.Contains("12 milestones", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        var marks = svg.Descendants(Svg + "g").Where(g => g.Attribute("data-milestone") is not null).ToList();
        Assert.Equal(12, marks.Count);
        Assert.All(marks, m => Assert.NotNull(m.Element(Svg + "title")));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Today, Nov 23, 2026");
    }

    [Fact]
    public void Marks_differ_by_status_in_shape_and_in_words()
    {
        var milestones = new List<TimelineMilestone>
        {
            new(1, "Done", Start, MilestoneStatus.Completed, Start, Today),
            new(2, "Late", Start.AddMonths(6), MilestoneStatus.Planned, null, Today),
            new(3, "Set aside", Start.AddMonths(7), MilestoneStatus.Deferred, null, Today),
            new(4, "Ahead", Start.AddMonths(30), MilestoneStatus.Planned, null, Today),
        };

        var svg = XElement.Parse(TimelineSvg.Render("t", "Tampa, FL", Start, Engagement.EndDateFor(Start), Today, milestones));

        var statuses = svg.Descendants(Svg + "g").Select(g => (string?)g.Attribute("data-status")).Where(s => s is not null).ToList();
        Assert.Equal(["Completed", "Overdue", "Deferred", "Upcoming"], statuses);
        Assert.Contains("1 completed, 1 overdue, 1 upcoming, 1 deferred", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null);
    }

    [Fact]
    public void User_text_is_escaped_so_it_cannot_add_markup()
    {
        var milestones = new List<TimelineMilestone> { new(1, "<script>alert(1)</script> & \"quotes\"", Start, MilestoneStatus.Planned, null, Today) };

        var markup = TimelineSvg.Render("t", "A <b>site</b>", Start, Engagement.EndDateFor(Start), Today, milestones);

        Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", markup, StringComparison.Ordinal);
        var svg = XElement.Parse(markup);
        Assert.Contains(svg.Descendants(Svg + "title"), t => t.Value.Contains("<script>alert(1)</script> & \"quotes\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Cohort_charts_are_named_images_with_a_bar_for_every_figure()
    {
        var bars = XElement.Parse(ChartSvg.PercentBars("c", "Progress", "Two bars per site", [new("Tampa, FL", 60, 50), new("Pueblo, CO", null, null)]));
        var stacked = XElement.Parse(ChartSvg.StackedBars("s", "By core area", "Stacked", ["Crime Analysis", "Technology"], [new("Tampa, FL", [2, 3]), new("Pueblo, CO", [0, 1])]));

        Assert.Equal("c-title c-desc", (string?)bars.Attribute("aria-labelledby"));
        Assert.Equal(2, bars.Descendants(Svg + "rect").Count(r => r.Element(Svg + "title") is not null));
        Assert.Contains(bars.Descendants(Svg + "text"), t => t.Value == "none yet");
        Assert.Equal(3, stacked.Descendants(Svg + "rect").Count(r => r.Element(Svg + "title") is not null));
        Assert.Contains(stacked.Descendants(Svg + "text"), t => t.Value == "5");
    }
}
