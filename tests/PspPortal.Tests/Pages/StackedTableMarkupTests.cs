using System.Globalization;
using AngleSharp.Dom;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Pages;

/// <summary>Tables stay readable at a phone's width: every table of the main pages is a USWDS stacked table, and every
/// cell of its body carries the name of its column (data-label), which is what the stacked layout shows beside it.</summary>
[Collection(PortalTests.Name)]
public class StackedTableMarkupTests(PortalFactory factory)
{
    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void AssertStackedAndLabelled(IDocument page, string url)
    {
        var tables = page.QuerySelectorAll("main table");
        Assert.True(tables.Length > 0, $"{url} has no table");
        foreach (var table in tables)
        {
            var name = table.QuerySelector("caption") is { } caption ? Text(caption) : "(no caption)";
            Assert.True(
                table.ClassList.Contains("usa-table--stacked") || table.ClassList.Contains("usa-table--stacked-header"),
                $"{url}: table \"{name}\" does not stack at a phone's width");
            var headers = table.QuerySelectorAll("thead th").Select(Text).ToList();
            var rows = table.QuerySelectorAll("tbody tr");
            Assert.True(rows.Length > 0, $"{url}: table \"{name}\" has no rows to check");
            foreach (var row in rows)
            {
                var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
                if (cells is [var only] && only.GetAttribute("colspan") == headers.Count.ToString(CultureInfo.InvariantCulture))
                {
                    continue; // a row that says the table is empty
                }

                Assert.Equal(headers, cells.Select(c => c.GetAttribute("data-label") ?? $"(none on \"{Text(c)}\")"));
            }
        }
    }


    [Theory]
    [MemberData(nameof(MainPages.WithTables), MemberType = typeof(MainPages))]
    public async Task Every_table_of_the_main_pages_stacks_with_each_cell_labelled_by_its_column(string email, string template)
    {
        var url = await MainPages.UrlAsync(factory, template);
        using var client = await factory.SignInAsync(email);

        AssertStackedAndLabelled(await client.GetDocumentAsync(url), url);
    }
}
