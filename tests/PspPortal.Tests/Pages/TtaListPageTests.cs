using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Pages;

/// <summary>/Tta and /Tta/Export: filters in the URL, overdue, paging, hostile query strings, scope and CSV; the home sections.</summary>
[Collection(PortalTests.Name)]
public class TtaListPageTests(PortalFactory factory)
{
    private static List<string> References(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("#requests tbody tr td:first-child a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task The_status_filter_lists_only_that_status()
    {
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var page = await client.GetDocumentAsync("/Tta?Status=Declined");

        var rows = page.QuerySelectorAll("#requests tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Declined", r.QuerySelectorAll("td")[4].QuerySelector(".usa-tag")!.TextContent.Trim()));
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlOptionElement>("#filter-status option[value=Declined]")!.IsSelected);
    }

    [Fact]
    public async Task Overdue_requests_are_marked_and_the_overdue_filter_keeps_only_them()
    {
        var tag = Guid.NewGuid().ToString("N");
        var late = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Submitted, title: $"Late {tag}", at: DateTime.UtcNow.AddDays(-30));
        var fresh = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Submitted, title: $"Fresh {tag}", at: DateTime.UtcNow);
        var delivered = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Delivered, title: $"Done {tag}", at: DateTime.UtcNow.AddDays(-90));
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var all = await client.GetDocumentAsync($"/Tta?Q={tag}");
        var overdue = await client.GetDocumentAsync($"/Tta?Q={tag}&Overdue=true");

        Assert.Equal(3, References(all).Count);
        string RowOf(string reference) => all.QuerySelectorAll("#requests tbody tr").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal)).TextContent;
        Assert.Contains("Overdue", RowOf(late.ReferenceNumber), StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", RowOf(fresh.ReferenceNumber), StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", RowOf(delivered.ReferenceNumber), StringComparison.Ordinal);
        Assert.Equal([late.ReferenceNumber], References(overdue));
        var detail = await client.GetDocumentAsync($"/Tta/{late.Id}");
        Assert.Contains("overdue", detail.QuerySelector("#decision-clock")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_stay_in_the_urls_of_the_pages_so_a_view_can_be_shared()
    {
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var first = await client.GetDocumentAsync("/Tta?Status=Closed&Sort=Reference");
        var next = first.QuerySelector("a.usa-pagination__next-page")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);

        Assert.Contains("Status=Closed", next, StringComparison.Ordinal);
        Assert.Contains("Sort=Reference", next, StringComparison.Ordinal);
        Assert.Contains("PageNumber=2", next, StringComparison.Ordinal);
        var firstRefs = References(first);
        var secondRefs = References(second);
        Assert.Equal(25, firstRefs.Count);
        Assert.Empty(firstRefs.Intersect(secondRefs));
        Assert.Equal(firstRefs.Order(StringComparer.Ordinal), firstRefs);
        Assert.True(string.CompareOrdinal(firstRefs[^1], secondRefs[0]) < 0);
        Assert.Contains("Status=Closed", first.QuerySelector("a[href^='/Tta/Export']")!.GetAttribute("href")!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Tta?Status=Bogus")]
    [InlineData("/Tta?PageNumber=-5")]
    [InlineData("/Tta?PageNumber=999999")]
    [InlineData("/Tta?PageNumber=99999999999999999999")]
    [InlineData("/Tta?Sort=Nope&Overdue=maybe&CoreArea=x&Site=&Cohort=-1")]
    [InlineData("/Tta?Status=999")]
    [InlineData("/Tta/Export?Status=Bogus&Sort=%00")]
    public async Task Hostile_query_strings_never_fail(string url)
    {
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_site_contact_lists_and_exports_only_their_sites_requests()
    {
        var tag = Guid.NewGuid().ToString("N");
        var tampa = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Submitted, title: $"Scope {tag}");
        var pueblo = await TtaArrange.RequestAsync(factory, "Pueblo", TtaStatus.Submitted, title: $"Scope {tag}");
        using var poc = await factory.SignInAsync(DemoUsers.Poc);

        var list = References(await poc.GetDocumentAsync($"/Tta?Q={tag}"));
        var export = await poc.GetAsync($"/Tta/Export?Q={tag}");
        var wholeExport = await ReadCsvAsync(await poc.GetAsync("/Tta/Export"));

        Assert.Equal([tampa.ReferenceNumber], list);
        var rows = await ReadCsvAsync(export);
        Assert.Equal([tampa.ReferenceNumber], rows.Select(r => r["ReferenceNumber"]));
        Assert.All(wholeExport, r => Assert.Equal("Tampa", r["Site"]));
        Assert.DoesNotContain(wholeExport, r => r["ReferenceNumber"] == pueblo.ReferenceNumber);
    }

    [Fact]
    public async Task Another_sites_requests_are_404_to_a_site_contact_by_site_filter_on_the_list_and_the_export()
    {
        using var db = factory.CreateDbContext();
        var tampa = await db.Sites.SingleAsync(s => s.Name == "Tampa");
        using var poc2 = await factory.SignInAsync(DemoUsers.Poc2);

        Assert.Equal(HttpStatusCode.NotFound, (await poc2.GetAsync($"/Tta?Site={tampa.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await poc2.GetAsync($"/Tta/Export?Site={tampa.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_export_is_csv_with_every_field_and_the_same_filter()
    {
        var tag = Guid.NewGuid().ToString("N");
        var arranged = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Scheduled, title: $"=HYPERLINK(\"http://evil.example\") {tag}, with \"quotes\"");
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var response = await client.GetAsync($"/Tta/Export?Q={tag}&Status=Scheduled");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var fileName = response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        Assert.Equal($"tta-requests-{TtaArrange.Today:yyyy-MM-dd}.csv", fileName);
        var row = Assert.Single(await ReadCsvAsync(response));
        string[] columns =
        [
            "ReferenceNumber", "Site", "State", "CoreArea", "Title", "Description", "DesiredOutcome", "PreferredDeliveryMode", "Priority",
            "NeededBy", "Requester", "AssignedProvider", "Status", "Overdue", "ScheduledFor", "DeliveredOn", "DeliverySummary",
            "CreatedAtUtc", "SubmittedAtUtc", "FirstDecisionAtUtc", "ApprovedAtUtc", "DeliveredAtUtc", "UpdatedAtUtc",
            "DecisionDueOn", "DeliveryDueOn", "Comments",
        ];
        Assert.Equal(columns, row.Keys);
        Assert.Equal(arranged.ReferenceNumber, row["ReferenceNumber"]);
        Assert.Equal(("Tampa", "FL", "Scheduled", "National Policing Institute", "Virtual"), (row["Site"], row["State"], row["Status"], row["AssignedProvider"], row["PreferredDeliveryMode"]));
        // A formula-like cell is escaped so a spreadsheet shows it as text.
        Assert.StartsWith("'=HYPERLINK", row["Title"], StringComparison.Ordinal);
        Assert.EndsWith($"{tag}, with \"quotes\"", row["Title"], StringComparison.Ordinal);
        Assert.Equal(arranged.DeliveryDueOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row["DeliveryDueOn"]);
    }

    [Fact]
    public async Task Each_home_shows_the_requests_that_matter_to_that_person()
    {
        var waiting = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Submitted, at: new DateTime(2020, 1, 6, 15, 0, 0, DateTimeKind.Utc));
        var question = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.NeedsInfo);
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        using var poc = await factory.SignInAsync(DemoUsers.Poc);
        using var bja = await factory.SignInAsync(DemoUsers.Bja);
        using var poc2 = await factory.SignInAsync(DemoUsers.Poc2);

        var liaisonHome = await liaison.GetDocumentAsync("/");
        var pocHome = await poc.GetDocumentAsync("/");
        var bjaHome = await bja.GetDocumentAsync("/");
        var poc2Home = await poc2.GetDocumentAsync("/");

        Assert.Equal("Requests waiting on you", liaisonHome.QuerySelector("#tta-requests-heading")!.TextContent);
        Assert.Contains(waiting.ReferenceNumber, liaisonHome.QuerySelector("#tta-requests-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Your site's open requests", pocHome.QuerySelector("#tta-requests-heading")!.TextContent);
        var pocSection = pocHome.QuerySelector("#tta-requests-heading")!.ParentElement!;
        Assert.Contains(question.ReferenceNumber, pocSection.TextContent, StringComparison.Ordinal);
        Assert.Contains("Needs information", pocSection.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Overdue requests", bjaHome.QuerySelector("#tta-requests-heading")!.TextContent);
        Assert.Contains(waiting.ReferenceNumber, bjaHome.QuerySelector("#tta-requests-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(waiting.ReferenceNumber, poc2Home.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BJA_home_overdue_list_follows_a_change_on_the_next_view()
    {
        // Older than any other test's requests, so that both stay among the ten the list shows.
        var late = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Submitted, at: new DateTime(2015, 1, 5, 15, 0, 0, DateTimeKind.Utc));
        using var bja = await factory.SignInAsync(DemoUsers.Bja);
        string OverdueList(IDocument home) => home.QuerySelector("#tta-requests-heading")!.ParentElement!.TextContent;

        Assert.Contains(late.ReferenceNumber, OverdueList(await bja.GetDocumentAsync("/")), StringComparison.Ordinal);

        // A request that becomes overdue appears, and one that is withdrawn leaves, on the very next view.
        var later = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Submitted, at: new DateTime(2015, 1, 5, 16, 0, 0, DateTimeKind.Utc));
        using (var db = factory.CreateDbContext())
        {
            var withdrawn = await db.TtaRequests.SingleAsync(r => r.Id == late.Id);
            withdrawn.Apply(TtaAction.Withdraw, new Actor(null, "Test actor"), DateTime.UtcNow, "withdrawn for a test");
            await db.SaveChangesAsync();
        }

        var after = OverdueList(await bja.GetDocumentAsync("/"));
        Assert.DoesNotContain(late.ReferenceNumber, after, StringComparison.Ordinal);
        Assert.Contains(later.ReferenceNumber, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_has_a_link_to_the_request_list()
    {
        using var client = await factory.SignInAsync(DemoUsers.Analyst);

        var page = await client.GetDocumentAsync("/Tta");

        var link = page.QuerySelector("nav.usa-nav a[href='/Tta']")!;
        Assert.Equal("TTA requests", link.TextContent.Trim());
        Assert.Equal("page", link.GetAttribute("aria-current"));
        Assert.Null(page.QuerySelector("a[href='/Tta/New']"));
    }

    private static async Task<List<Dictionary<string, string>>> ReadCsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        await csv.ReadAsync();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (await csv.ReadAsync())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        }

        return rows;
    }
}
