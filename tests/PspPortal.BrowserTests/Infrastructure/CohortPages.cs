using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PspPortal.BrowserTests.Infrastructure;

/// <summary>A cohort as the cohort table shows it (home page of BJA staff and /Cohorts).</summary>
public sealed record CohortRow(string Name, string Href, int Year, int Sites, int ActiveSites, string Progress, string OnTime, int MilestonesOverdue, int OpenRequests);

/// <summary>A site as the side-by-side table of /Cohorts/{id} shows it.</summary>
public sealed record CohortSiteRow(int Id, string DisplayName, string Href, string Progress, int MilestonesOverdue, int OpenRequests, int OverdueRequests);

/// <summary>What BJA staff read on the cohort pages, read the way a person reads them: from the tables, the chart and
/// the downloaded file. The mouse and the keyboard journeys check the same things with these.</summary>
public static partial class CohortPages
{
    private const string CellTexts = "rows => rows.map(r => ({ id: r.getAttribute('data-site-id') ?? '', href: r.querySelector('a[href]')?.getAttribute('href') ?? '', cells: [...r.cells].map(c => c.innerText.trim()), labels: [...r.cells].map(c => c.getAttribute('data-label') ?? '') }))";

    /// <summary>The rows of the cohort table inside <paramref name="scope"/>.</summary>
    public static async Task<IReadOnlyList<CohortRow>> ReadCohortTableAsync(ILocator scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = scope.GetByRole(AriaRole.Table).Filter(new LocatorFilterOptions { Has = scope.Page.GetByRole(AriaRole.Columnheader, new PageGetByRoleOptions { Name = "Cohort", Exact = true }) });
        await Expect(table).ToHaveCountAsync(1);
        var rows = await table.Locator("tbody tr").EvaluateAllAsync<RowText[]>(CellTexts);
        return [.. rows.Select(r => new CohortRow(r.Cells[0], r.Href, Int(r.Cells[1]), Int(r.Cells[2]), Int(r.Cells[3]), r.Cells[4], r.Cells[5], Int(r.Cells[6]), Int(r.Cells[7])))];
    }

    /// <summary>The cohort to compare: the one with the most engagements under way, whose sites differ most (then the
    /// one with the most sites, then the oldest).</summary>
    public static CohortRow MostActive(IReadOnlyList<CohortRow> cohorts)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        var cohort = cohorts.Where(c => c.Sites >= 2).OrderByDescending(c => c.ActiveSites).ThenByDescending(c => c.Sites).FirstOrDefault();
        Assert.True(cohort is not null, "No cohort has two sites to compare");
        return cohort;
    }

    /// <summary>The rows of the "sites side by side" table of /Cohorts/{id}.</summary>
    public static async Task<IReadOnlyList<CohortSiteRow>> ReadSiteTableAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = await page.Locator("#site-table tbody tr").EvaluateAllAsync<RowText[]>(CellTexts);
        // Read by column, not by position, so that a new column (plan implementation came after this test) moves nothing.
        return [.. rows.Select(r => new CohortSiteRow(Int(r.Id), r.Cell("Site"), r.Href, r.Cell("Progress"), Int(r.Cell("Overdue milestones")), Int(r.Cell("Open requests")), Int(r.Cell("Overdue requests"))))];
    }

    /// <summary>The page of one cohort shows the figures of its row in the cohort table, one table row and one chart row
    /// per site, and the chart's bars carry the same progress as the table.</summary>
    public static async Task<IReadOnlyList<CohortSiteRow>> AssertComparisonAsync(IPage page, CohortRow cohort)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(cohort);
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync(cohort.Name);
        await Expect(page.Locator("#cohort-progress")).ToHaveTextAsync(cohort.Progress);
        await Expect(page.Locator("#cohort-overdue")).ToHaveTextAsync(cohort.MilestonesOverdue.ToString(CultureInfo.InvariantCulture));

        var sites = await ReadSiteTableAsync(page);
        Assert.Equal(cohort.Sites, sites.Count);
        Assert.Equal(cohort.OpenRequests, sites.Sum(s => s.OpenRequests));
        Assert.Equal(cohort.MilestonesOverdue, sites.Sum(s => s.MilestonesOverdue));

        var chart = page.Locator("svg#progress-chart");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("g.psp-chart__row")).ToHaveCountAsync(sites.Count);
        var barTitles = await chart.Locator("title").AllTextContentsAsync();
        foreach (var site in sites.Where(s => s.Progress != "—"))
        {
            Assert.Contains($"{site.DisplayName}, progress: {site.Progress}", barTitles);
        }

        return sites;
    }

    /// <summary>The export is a CSV file named for the cohort and the day, served as text/csv, with one line per site
    /// shown side by side and the same figures.</summary>
    public static async Task AssertExportAsync(IPage page, IDownload download, CohortRow cohort, IReadOnlyList<CohortSiteRow> sites)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(download);
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(sites);
        var cohortId = CohortId().Match(new Uri(page.Url).AbsolutePath).Groups[1].Value;
        Assert.Matches(new Regex($"^psp-cohort-{cohort.Year}-{cohortId}-progress-\\d{{4}}-\\d{{2}}-\\d{{2}}\\.csv$"), download.SuggestedFilename);
        Assert.Null(await download.FailureAsync());

        // The browser's download does not tell its headers: ask for the same address with the same cookies.
        var response = await page.Context.APIRequest.GetAsync(download.Url);
        Assert.Equal(200, response.Status);
        Assert.Matches(new Regex("^text/csv(;|$)"), response.Headers["content-type"]);
        Assert.Contains($"filename={download.SuggestedFilename}", response.Headers["content-disposition"], StringComparison.Ordinal);

        await using var file = await download.CreateReadStreamAsync();
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        Assert.True(await csv.ReadAsync() && csv.ReadHeader(), "The file has no header line");
        var lines = new List<CohortSiteRow>();
        while (await csv.ReadAsync())
        {
            Assert.Equal(cohort.Name, csv.GetField("Cohort"));
            var progress = csv.GetField("ProgressPercent");
            lines.Add(new CohortSiteRow(
                0,
                $"{csv.GetField("Site")}, {csv.GetField("State")}",
                string.Empty,
                string.IsNullOrEmpty(progress) ? "—" : progress + "%",
                Int(csv.GetField("MilestonesOverdue")),
                Int(csv.GetField("OpenRequests")),
                Int(csv.GetField("OverdueRequests"))));
        }

        Assert.Equal(sites.Select(s => s with { Id = 0, Href = string.Empty }), lines);
    }

    private static int Int(string? text) => int.Parse(text ?? string.Empty, NumberStyles.Integer, CultureInfo.InvariantCulture);

    [GeneratedRegex("^/Cohorts/(\\d+)")]
    private static partial Regex CohortId();

    /// <summary>One table row as the browser reads it (Playwright fills it through its setters).</summary>
    private sealed class RowText
    {
        public string Id { get; set; } = string.Empty;
        public string Href { get; set; } = string.Empty;
        public string[] Cells { get; set; } = [];
        public string[] Labels { get; set; } = [];

        /// <summary>The text of the cell whose column is <paramref name="label"/> (its data-label).</summary>
        public string Cell(string label) => Cells[Array.IndexOf(Labels, label) is var i and >= 0 ? i : throw new InvalidOperationException($"No column '{label}' in [{string.Join(", ", Labels)}]")];
    }
}
