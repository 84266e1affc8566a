using AngleSharp.Dom;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Pages;

/// <summary>A table wrapper that scrolls must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable):
/// each is a focusable region named by its table's caption, with a visible focus outline.</summary>
[Collection(PortalTests.Name)]
public class ScrollRegionMarkupTests(PortalFactory factory)
{
    private static void AssertFocusableLabelledRegions(IDocument page, string url)
    {
        var wrappers = page.QuerySelectorAll(".psp-table-wrap");
        Assert.True(wrappers.Length > 0, $"{url} has no table wrapper");
        foreach (var wrapper in wrappers)
        {
            Assert.True(wrapper.GetAttribute("tabindex") == "0", $"{url}: a table wrapper cannot take keyboard focus");
            Assert.True(wrapper.GetAttribute("role") == "region", $"{url}: a table wrapper is not a region");
            var label = page.GetElementById(wrapper.GetAttribute("aria-labelledby") ?? string.Empty);
            Assert.True(label is not null, $"{url}: a table wrapper is named by no element");
            Assert.Same(wrapper.QuerySelector("caption"), label);
            Assert.False(string.IsNullOrWhiteSpace(label!.TextContent), $"{url}: a table wrapper's caption is empty");
        }
    }


    [Fact]
    public async Task The_audit_trail_s_scrolling_table_is_a_labelled_region_that_takes_keyboard_focus_visibly()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);

        var page = await admin.GetDocumentAsync("/Admin/Audit");
        var css = await (await admin.GetAsync("/css/site.css")).Content.ReadAsStringAsync();

        AssertFocusableLabelledRegions(page, "/Admin/Audit");
        Assert.Equal("audit-caption", page.QuerySelector(".psp-table-wrap")!.GetAttribute("aria-labelledby"));
        Assert.Contains(".psp-table-wrap[tabindex]:focus { outline:", css, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MainPages.WithTables), MemberType = typeof(MainPages))]
    public async Task Every_table_wrapper_of_the_main_pages_is_a_labelled_region_that_takes_keyboard_focus(string email, string template)
    {
        var url = await MainPages.UrlAsync(factory, template);
        using var client = await factory.SignInAsync(email);

        AssertFocusableLabelledRegions(await client.GetDocumentAsync(url), url);
    }
}
