using PspPortal.BrowserTests.Infrastructure;

namespace PspPortal.BrowserTests;

/// <summary>The accessibility check must be able to fail, or every page that passes it proves nothing.</summary>
public class AccessibilityCheckTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_check_fails_on_a_field_without_a_label_and_names_the_rule_and_the_element()
    {
        await Page.SetContentAsync("""
            <!DOCTYPE html>
            <html lang="en"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><form><input type="text" id="nameless"></form></main></body></html>
            """);

        var failure = await Assert.ThrowsAnyAsync<Exception>(Page.AssertAccessibleAsync);

        Assert.Contains("- label (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#nameless", failure.Message, StringComparison.Ordinal);
    }
}
