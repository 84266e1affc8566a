using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PspPortal.BrowserTests.Infrastructure;

public static class AccessibilityExtensions
{
    /// <summary>The WCAG 2.1 A and AA rules of axe-core, the level the portal must meet (Section 508).</summary>
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Runs axe-core on the page as it is now and fails with a readable list of the violations.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags },
            // Only the violations come back with their nodes: the passes of a long page are slow to serialize.
            ResultTypes = [ResultType.Violations],
        });

        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"axe-core found {result.Violations.Length} WCAG 2.1 A/AA violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
                var fixAll = node.All.Concat(node.None).Select(check => check.Message).ToList();
                if (fixAll.Count > 0)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"      fix all of: {string.Join("; ", fixAll)}");
                }

                if (node.Any.Length > 0)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"      fix any of: {string.Join("; ", node.Any.Select(check => check.Message))}");
                }
            }
        }

        Assert.Fail(report.ToString());
    }
}
