using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Pages;

/// <summary>/Resources: full-text search and each filter against resources made here (a hand count), ranking, paging
/// in the URL, hostile search text, and curation by BJA staff only.</summary>
[Collection(PortalTests.Name)]
public class ClearinghousePageTests(PortalFactory factory)
{
    private static List<string> Titles(IDocument page) =>
        [.. page.QuerySelectorAll(".psp-resource-list .usa-collection__heading a").Select(a => a.TextContent.Trim())];

    /// <summary>Four resources with a made-up word nobody else uses, known by hand: which area, type and sizes each has.</summary>
    private async Task<(string Word, int GunArea, int TechArea)> ArrangeAsync()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        await using var db = factory.CreateDbContext();
        var gun = await db.CoreAreas.Where(c => c.Name == "Gun Violence").Select(c => c.Id).SingleAsync();
        var tech = await db.CoreAreas.Where(c => c.Name == "Technology").Select(c => c.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        void Add(string title, string summary, ResourceType type, int[] areas, AgencySize[] sizes, bool retired = false)
        {
            var r = new Resource { Title = "", Summary = "", Url = "", CreatedAt = now };
            r.Describe(title, summary, type, "https://example.org/test", today.AddDays(-10), areas, sizes, now);
            r.IsRetired = retired;
            db.Resources.Add(r);
        }

        Add($"Ballistic imaging {word} playbook", "A summary about crime guns.", ResourceType.Publication, [gun], [AgencySize.Under100, AgencySize.Over1000]);
        Add("Crime gun webinar", $"Talks about {word} in passing.", ResourceType.Webinar, [gun, tech], [AgencySize.Over1000]);
        Add($"Camera policy {word}", "Video integration.", ResourceType.Publication, [tech], [AgencySize.From100To499]);
        Add($"Podcast {word} episode", "Gunshot detection.", ResourceType.Podcast, [tech], [AgencySize.Under100]);
        Add($"Retired {word} guide", "Old.", ResourceType.Publication, [gun], [AgencySize.Under100], retired: true);
        await db.SaveChangesAsync();
        return (word, gun, tech);
    }

    [Fact]
    public async Task Search_and_each_filter_find_exactly_the_resources_counted_by_hand()
    {
        var (word, gun, tech) = await ArrangeAsync();
        using var client = await factory.SignInAsync(DemoUsers.Poc);

        Assert.Equal(4, Titles(await client.GetDocumentAsync($"/Resources?Q={word}")).Count);
        Assert.Equal(2, Titles(await client.GetDocumentAsync($"/Resources?Q={word}&CoreArea={gun}")).Count);
        Assert.Equal(3, Titles(await client.GetDocumentAsync($"/Resources?Q={word}&CoreArea={tech}")).Count);
        Assert.Equal(2, Titles(await client.GetDocumentAsync($"/Resources?Q={word}&Type=Publication")).Count);
        Assert.Equal(["Crime gun webinar"], Titles(await client.GetDocumentAsync($"/Resources?Q={word}&Type=Webinar")));
        Assert.Equal(2, Titles(await client.GetDocumentAsync($"/Resources?Q={word}&Size=Under100")).Count);
        Assert.Equal(2, Titles(await client.GetDocumentAsync($"/Resources?Q={word}&Size=Over1000")).Count);
        Assert.Equal([$"Camera policy {word}"], Titles(await client.GetDocumentAsync($"/Resources?Q={word}&CoreArea={tech}&Type=Publication&Size=From100To499")));
        // Every word is required, and a word's beginning finds it ("playb" finds "playbook").
        Assert.Equal([$"Ballistic imaging {word} playbook"], Titles(await client.GetDocumentAsync($"/Resources?Q={word}+playb")));
    }

    [Fact]
    public async Task A_word_in_the_title_ranks_above_the_same_word_in_the_summary()
    {
        var (word, gun, _) = await ArrangeAsync();
        using var client = await factory.SignInAsync(DemoUsers.Poc);

        var titles = Titles(await client.GetDocumentAsync($"/Resources?Q={word}&CoreArea={gun}"));

        Assert.Equal([$"Ballistic imaging {word} playbook", "Crime gun webinar"], titles);
    }

    [Fact]
    public async Task The_filters_are_in_the_url_and_the_pages_keep_them()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);
        await using var db = factory.CreateDbContext();
        var published = await db.Resources.CountAsync(r => !r.IsRetired && r.AgencySizes.Any(s => s.Size == AgencySize.Under100));

        var first = await client.GetDocumentAsync("/Resources?Size=Under100");
        var next = first.QuerySelector("a.usa-pagination__next-page")!.GetAttribute("href")!;

        Assert.True(published > 20);
        Assert.Contains($"{published} resources match", first.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Size=Under100", next, StringComparison.Ordinal);
        Assert.Contains("pagenumber=2", next, StringComparison.OrdinalIgnoreCase);
        Assert.True(first.QuerySelector<AngleSharp.Html.Dom.IHtmlOptionElement>("#filter-size option[value=Under100]")!.IsSelected);
        Assert.Equal(20, Titles(await client.GetDocumentAsync(next)).Count);
    }

    [Fact]
    public async Task The_demo_clearinghouse_has_every_type_core_area_and_agency_size()
    {
        await using var db = factory.CreateDbContext();
        var resources = await db.Resources.Where(r => !r.IsRetired).Include(r => r.CoreAreas).Include(r => r.AgencySizes).Where(r => r.Url.StartsWith("https://example.org/psp/")).ToListAsync();

        Assert.InRange(resources.Count, 140, 170);
        Assert.Equal(Enum.GetValues<ResourceType>().Order(), resources.Select(r => r.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<AgencySize>().Order(), resources.SelectMany(r => r.AgencySizes).Select(s => s.Size).Distinct().Order());
        Assert.Equal(8, resources.SelectMany(r => r.CoreAreas).Select(a => a.CoreAreaId).Distinct().Count());
        Assert.Equal(resources.Count, resources.Select(r => r.Title).Distinct().Count());
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("gun\" OR \"")]
    [InlineData("gun NEAR(violence, 2)")]
    [InlineData("gun*")]
    [InlineData("*")]
    [InlineData("Title:gun")]
    [InlineData("NOT AND OR")]
    [InlineData("^gun")]
    [InlineData("(((")]
    [InlineData("'; DROP TABLE Resources; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\u0000\u200b")]
    public async Task Hostile_search_text_never_fails_the_page(string text)
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);

        var response = await client.GetAsync($"/Resources?Q={Uri.EscapeDataString(text)}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Very_long_search_text_and_bad_filters_fall_back_to_defaults()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);

        var longText = string.Join(' ', Enumerable.Repeat("violence NEAR \"gun\"", 2000));
        var response = await client.GetAsync($"/Resources?Q={Uri.EscapeDataString(longText[..6000])}&Type=Nope&Size=99&CoreArea=-4&pageNumber=x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Only_bja_staff_add_edit_and_retire_resources()
    {
        var (word, _, tech) = await ArrangeAsync();
        await using var db = factory.CreateDbContext();
        var id = await db.Resources.Where(r => r.Title == $"Camera policy {word}").Select(r => r.Id).SingleAsync();
        using var poc = await factory.SignInAsync(DemoUsers.Poc);
        using var admin = await factory.SignInAsync(DemoUsers.Admin);
        using var bja = await factory.SignInAsync(DemoUsers.Bja);

        Assert.NotEqual(HttpStatusCode.OK, (await poc.GetAsync("/Resources/New")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await admin.GetAsync($"/Resources/{id}/Edit")).StatusCode);
        var token = await poc.AntiforgeryTokenAsync($"/Resources/{id}");
        var refused = await poc.PostAsync($"/Resources/{id}?handler=Retire&retire=true", [new("__RequestVerificationToken", token), new("Version", Guid.Empty.ToString())]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var invalid = await bja.SubmitFormAsync("/Resources/New", "#resource-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Summary"] = "x",
            ["Input.Url"] = "javascript:alert(1)",
            ["Input.Type"] = "Webinar",
            ["Input.PublishedOn"] = "2020-01-01",
        });
        var form = await PortalClient.ParseAsync(invalid);
        Assert.Equal("Enter the resource's title.", form.QuerySelector("#Input_Title-error")?.TextContent.Trim().Replace("Error: ", "", StringComparison.Ordinal));
        Assert.Contains("https://", form.QuerySelector("#Input_Url-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("at least one core area", form.QuerySelector("#main-content")!.TextContent, StringComparison.Ordinal);

        var edited = await bja.SubmitFormAsync($"/Resources/{id}/Edit", "#resource-form", Fields($"Camera policy {word} revised", tech));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var retired = await bja.SubmitFormAsync($"/Resources/{id}", "form[action*=Retire]", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await poc.GetAsync($"/Resources/{id}")).StatusCode);
        Assert.DoesNotContain($"Camera policy {word} revised", Titles(await poc.GetDocumentAsync($"/Resources?Q={word}")));
        Assert.Contains($"Camera policy {word} revised", Titles(await bja.GetDocumentAsync($"/Resources?Q={word}&Retired=true")));
    }

    private static Dictionary<string, string> Fields(string title, int coreArea) => new()
    {
        ["Input.Title"] = title,
        ["Input.Summary"] = "A summary a curator wrote.",
        ["Input.Type"] = "Publication",
        ["Input.Url"] = "https://example.org/psp/edited",
        ["Input.PublishedOn"] = "2024-05-01",
        ["Input.CoreAreaIds"] = coreArea.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Sizes"] = "From100To499",
    };

    [Fact]
    public async Task A_stale_edit_is_refused_and_changes_nothing()
    {
        var (word, _, tech) = await ArrangeAsync();
        await using var db = factory.CreateDbContext();
        var id = await db.Resources.Where(r => r.Title == $"Podcast {word} episode").Select(r => r.Id).SingleAsync();
        using var bja = await factory.SignInAsync(DemoUsers.Bja);

        var fields = Fields("Stale title", tech);
        fields["Input.Version"] = Guid.NewGuid().ToString();
        var response = await bja.SubmitFormAsync($"/Resources/{id}/Edit", "#resource-form", fields);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await using var check = factory.CreateDbContext();
        Assert.Equal($"Podcast {word} episode", await check.Resources.Where(r => r.Id == id).Select(r => r.Title).SingleAsync());
    }
}
