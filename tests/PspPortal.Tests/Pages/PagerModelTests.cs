using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Tests.Pages;

/// <summary>The one pager of every paged list (Pages/Shared/PagerModel and _Pager).</summary>
public class PagerModelTests
{
    private static readonly Dictionary<string, string?> Filter = new() { ["cohort"] = "3", ["state"] = null, ["q"] = "" };

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(25, 1)]
    [InlineData(26, 2)]
    [InlineData(50, 2)]
    [InlineData(51, 3)]
    public void Pages_are_counted_once_for_every_list_and_an_empty_list_has_one(int total, int pages)
    {
        Assert.Equal(pages, PagerModel.CountFor(total, 25));
        Assert.Equal(pages, new PagerModel(1, total, 25, "/Sites", Filter, "Pages of sites").Count);
    }

    [Theory]
    [InlineData(-5, 1)]
    [InlineData(0, 1)]
    [InlineData(2, 2)]
    [InlineData(999_999, 4)]
    public void A_page_out_of_range_shows_the_nearest_one(int requested, int shown)
    {
        var pager = new PagerModel(requested, 100, 25, "/Sites", Filter, "Pages of sites");

        Assert.Equal(shown, pager.Current);
        Assert.Equal((shown - 1) * 25, pager.Skip);
    }

    [Fact]
    public void Links_keep_the_filter_under_the_lists_own_names_and_leave_out_the_first_page_and_empty_values()
    {
        var sites = new PagerModel(2, 100, 25, "/Sites", Filter, "Pages of sites");
        var requests = new PagerModel(2, 100, 25, "/Tta", new Dictionary<string, string?> { ["Status"] = "Closed" }, "Pages of requests", "PageNumber");

        Assert.Equal("/Sites?cohort=3", sites.UrlFor(1));
        Assert.Equal("/Sites?cohort=3&pageNumber=3", sites.UrlFor(3));
        Assert.Equal("/Tta?Status=Closed&PageNumber=3", requests.UrlFor(3));
    }

    [Theory]
    [InlineData(1, 10, new[] { 1, 2, 10 })]
    [InlineData(5, 10, new[] { 1, 4, 5, 6, 10 })]
    [InlineData(10, 10, new[] { 1, 9, 10 })]
    [InlineData(2, 3, new[] { 1, 2, 3 })]
    public void The_pager_links_the_first_and_last_pages_and_those_next_to_this_one(int current, int count, int[] numbers)
    {
        var pager = new PagerModel(current, count * 10, 10, "/Admin/Audit", Filter, "Pages of the audit trail");

        Assert.Equal(numbers, pager.Numbers);
    }
}

/// <summary>The shared pager on a list page, over HTTP.</summary>
[Collection(PortalTests.Name)]
public class PagerPageTests(PortalFactory factory)
{
    [Fact]
    public async Task The_audit_trail_pages_with_the_shared_pager_and_keeps_its_filter_in_the_links()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);

        var first = await admin.GetDocumentAsync("/Admin/Audit?kind=DataChange");
        var second = await admin.GetDocumentAsync("/Admin/Audit?kind=DataChange&pageNumber=2");

        var pager = first.QuerySelector("nav.usa-pagination[aria-label='Pages of the audit trail']")!;
        Assert.Equal("/Admin/Audit?kind=DataChange&pageNumber=2", pager.QuerySelector("a.usa-pagination__next-page")!.GetAttribute("href"));
        Assert.Equal("page", pager.QuerySelector("a[aria-label='Page 1']")!.GetAttribute("aria-current"));
        Assert.Equal("/Admin/Audit?kind=DataChange", second.QuerySelector("nav.usa-pagination a.usa-pagination__previous-page")!.GetAttribute("href"));
        Assert.Contains("page 2 of", second.QuerySelector("#audit-caption")!.TextContent, StringComparison.Ordinal);
    }
}
