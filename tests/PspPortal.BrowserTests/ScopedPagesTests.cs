using System.Text.RegularExpressions;
using PspPortal.BrowserTests.Infrastructure;

namespace PspPortal.BrowserTests;

public partial class ScopedPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("/Sites")]
    [InlineData("/Cohorts")]
    public async Task A_liaison_opens_the_list_and_one_of_its_records_and_both_pass_axe(string list)
    {
        await SignInAsync(DemoAccount.Liaison);

        await GotoAsync(list);
        var hrefs = await Page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var record = hrefs.FirstOrDefault(href => RecordLink().IsMatch(href) && href.StartsWith(list + "/", StringComparison.OrdinalIgnoreCase));
        Assert.True(record is not null, $"No link to a record on {list}: {string.Join(", ", hrefs)}");

        await GotoAsync(record);
    }

    [GeneratedRegex("^/(Sites|Cohorts)/\\d+$")]
    private static partial Regex RecordLink();
}
