using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Pages;

/// <summary>/Tta/New: the form of PRODUCT.md, validation that stores nothing, scope, and reference numbers.</summary>
[Collection(PortalTests.Name)]
public partial class TtaNewPageTests(PortalFactory factory)
{
    [GeneratedRegex(@"^TTA-\d{4}-\d{5}$")]
    private static partial Regex ReferencePattern();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, string>> ValidFormAsync(string title)
    {
        using var db = factory.CreateDbContext();
        var tampa = await db.Sites.SingleAsync(s => s.Name == "Tampa");
        var area = await db.CoreAreas.Where(c => c.IsActive).OrderBy(c => c.SortOrder).Skip(2).FirstAsync();
        return new Dictionary<string, string>
        {
            ["Input.SiteId"] = tampa.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.CoreAreaId"] = area.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Title"] = title,
            ["Input.Description"] = "Two new crime analysts have no formal training.",
            ["Input.DesiredOutcome"] = "Both analysts produce a weekly violent crime brief.",
            ["Input.DeliveryMode"] = nameof(DeliveryMode.Training),
            ["Input.Priority"] = nameof(TtaPriority.Expedited),
            ["Input.NeededBy"] = Iso(TtaArrange.Today.AddDays(45)),
        };
    }

    private async Task<int> CountAsync()
    {
        using var db = factory.CreateDbContext();
        return await db.TtaRequests.CountAsync();
    }

    [Fact]
    public async Task The_form_has_exactly_the_labels_of_the_product_specification()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);

        var page = await client.GetDocumentAsync("/Tta/New");

        var form = page.QuerySelector("main form")!;
        // The specification's eight labels, in its order; then the one optional field the second release adds (PRODUCT:
        // TTA requests link to the strategies of the site's plan they serve, chosen when a request is made), shown
        // when a site in the user's scope has a plan.
        Assert.Equal(
            ["Site", "Core area", "Title", "Description of the need", "Desired outcome", "Preferred delivery mode", "Priority", "Needed by", "Strategy it serves (optional)"],
            form.QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
        foreach (var label in form.QuerySelectorAll("label"))
        {
            Assert.NotNull(page.GetElementById(label.GetAttribute("for")!));
        }

        Assert.Equal("Submit request", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_site_contact_sees_only_their_site_preselected_and_only_active_core_areas()
    {
        using (var db = factory.CreateDbContext())
        {
            db.CoreAreas.Add(new CoreArea { Name = "Retired area for a test", SortOrder = 99, IsActive = false });
            await db.SaveChangesAsync();
        }

        using var poc = await factory.SignInAsync(DemoUsers.Poc);
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);

        var pocPage = await poc.GetDocumentAsync("/Tta/New");
        var liaisonPage = await liaison.GetDocumentAsync("/Tta/New");

        var pocSites = pocPage.QuerySelectorAll<IHtmlOptionElement>("#Input_SiteId option").ToList();
        var only = Assert.Single(pocSites);
        Assert.Equal(("Tampa, FL", true), (only.Text.Trim(), only.IsSelected));
        var liaisonSites = liaisonPage.QuerySelectorAll<IHtmlOptionElement>("#Input_SiteId option").Select(o => o.Text.Trim()).ToList();
        Assert.Equal(["- Select -", "Albuquerque, NM", "Knoxville, TN", "Seattle, WA", "Tampa, FL"], liaisonSites);
        var areas = pocPage.QuerySelectorAll<IHtmlOptionElement>("#Input_CoreAreaId option").Select(o => o.Text.Trim()).Skip(1).ToList();
        Assert.Equal(CoreArea.Today, areas);
    }

    [Fact]
    public async Task A_site_contact_submits_a_request_that_gets_a_reference_number_and_a_history()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);
        var title = $"Crime analyst training {Guid.NewGuid():N}";

        var response = await client.SubmitFormAsync("/Tta/New", "main form", await ValidFormAsync(title));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var db = factory.CreateDbContext();
        var request = await db.TtaRequests.Include(r => r.History).SingleAsync(r => r.Title == title);
        Assert.Equal($"/Tta/{request.Id}", response.Headers.Location!.OriginalString);
        Assert.Matches(ReferencePattern(), request.ReferenceNumber);
        Assert.StartsWith($"TTA-{TtaArrange.Today.Year}-", request.ReferenceNumber, StringComparison.Ordinal);
        Assert.Equal((TtaStatus.Submitted, TtaPriority.Expedited, "Marcus Bell"), (request.Status, request.Priority, request.RequesterName));
        var submit = Assert.Single(request.History);
        Assert.Equal((TtaAction.Submit, TtaStatus.Draft, TtaStatus.Submitted, "Marcus Bell"), (submit.Action, submit.FromStatus, submit.ToStatus, submit.ActorName));
        Assert.NotNull(request.DecisionDueOn);
        var page = await client.GetDocumentAsync($"/Tta/{request.Id}");
        Assert.Contains(request.ReferenceNumber, page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_saved_without_submitting()
    {
        using var client = await factory.SignInAsync(DemoUsers.Liaison);
        var title = $"Draft {Guid.NewGuid():N}";
        var form = await ValidFormAsync(title);
        form["draft"] = "true";

        var response = await client.SubmitFormAsync("/Tta/New", "main form", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var db = factory.CreateDbContext();
        var request = await db.TtaRequests.Include(r => r.History).SingleAsync(r => r.Title == title);
        Assert.Equal(TtaStatus.Draft, request.Status);
        Assert.Empty(request.History);
        Assert.Null(request.DecisionDueOn);
    }

    [Fact]
    public async Task Bad_input_stores_nothing_shows_each_message_by_its_field_and_keeps_what_was_typed()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);
        var form = await ValidFormAsync(new string('T', 201));
        form["Input.Description"] = "";
        form["Input.DesiredOutcome"] = "Keep <this> text";
        form["Input.NeededBy"] = Iso(TtaArrange.Today.AddDays(-1));
        form["Input.DeliveryMode"] = "Teleportation";
        var before = await CountAsync();

        var response = await client.SubmitFormAsync("/Tta/New", "main form", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("A title has at most 200 characters.", page.QuerySelector("#Input_Title-error")!.TextContent);
        Assert.Equal("Describe the need.", page.QuerySelector("#Input_Description-error")!.TextContent);
        Assert.Equal("The needed-by date must be in the future.", page.QuerySelector("#Input_NeededBy-error")!.TextContent);
        Assert.NotNull(page.QuerySelector("#Input_DeliveryMode-error"));
        var summary = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("A title has at most 200 characters.", summary, StringComparison.Ordinal);
        Assert.Contains("Describe the need.", summary, StringComparison.Ordinal);
        Assert.Equal(new string('T', 201), page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal("Keep <this> text", page.QuerySelector<IHtmlTextAreaElement>("#Input_DesiredOutcome")!.Value);
        Assert.True(page.QuerySelector<IHtmlOptionElement>("#Input_Priority option[value=Expedited]")!.IsSelected);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_needed_by_date_absurdly_far_ahead_is_refused()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);
        var form = await ValidFormAsync("Far away");
        form["Input.NeededBy"] = Iso(TtaArrange.Today.AddYears(5));
        var before = await CountAsync();

        var response = await client.SubmitFormAsync("/Tta/New", "main form", form);

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("The needed-by date must be within two years from today.", page.QuerySelector("#Input_NeededBy-error")!.TextContent);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_site_outside_scope_or_a_retired_core_area_cannot_be_chosen()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);
        using var db = factory.CreateDbContext();
        var pueblo = await db.Sites.SingleAsync(s => s.Name == "Pueblo");
        var retired = new CoreArea { Name = "Retired for scope test", SortOrder = 98, IsActive = false };
        db.CoreAreas.Add(retired);
        await db.SaveChangesAsync();
        var form = await ValidFormAsync("Not my site");
        form["Input.SiteId"] = pueblo.Id.ToString(CultureInfo.InvariantCulture);
        form["Input.CoreAreaId"] = retired.Id.ToString(CultureInfo.InvariantCulture);
        var before = await CountAsync();

        var response = await client.SubmitFormAsync("/Tta/New", "main form", form);

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Choose one of your sites.", page.QuerySelector("#Input_SiteId-error")!.TextContent);
        Assert.Equal("Choose one of the core areas in the list.", page.QuerySelector("#Input_CoreAreaId-error")!.TextContent);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData(DemoUsers.Champion)]
    [InlineData(DemoUsers.Analyst)]
    [InlineData(DemoUsers.Bja)]
    [InlineData(DemoUsers.Admin)]
    public async Task Only_site_staff_and_liaisons_may_open_the_form(string email)
    {
        using var client = await factory.SignInAsync(email);

        var response = await client.GetAsync("/Tta/New");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_requests_submitted_at_the_same_moment_get_different_reference_numbers()
    {
        using var first = await factory.SignInAsync(DemoUsers.Poc);
        using var second = await factory.SignInAsync(DemoUsers.Liaison);
        var tag = Guid.NewGuid().ToString("N");
        var formA = await ValidFormAsync($"Simultaneous A {tag}");
        var formB = await ValidFormAsync($"Simultaneous B {tag}");

        var responses = await Task.WhenAll(
            first.SubmitFormAsync("/Tta/New", "main form", formA),
            second.SubmitFormAsync("/Tta/New", "main form", formB));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        using var db = factory.CreateDbContext();
        var references = await db.TtaRequests.Where(r => r.Title.EndsWith(tag)).Select(r => r.ReferenceNumber).ToListAsync();
        Assert.Equal(2, references.Distinct().Count());
    }

    [Fact]
    public async Task Reference_numbers_given_out_in_parallel_through_separate_contexts_are_unique_and_sequential()
    {
        const int Contexts = 4;
        const int EachTakes = 10;
        var year = 2090 + Random.Shared.Next(0, 5);
        using (var db = factory.CreateDbContext())
        {
            await db.ReferenceCounters.Where(c => c.Year == year).ExecuteDeleteAsync();
        }

        var tasks = Enumerable.Range(0, Contexts).Select(_ => Task.Run(async () =>
        {
            using var db = factory.CreateDbContext();
            var numbers = new ReferenceNumbers(db);
            var taken = new List<string>();
            for (var i = 0; i < EachTakes; i++)
            {
                taken.Add(await numbers.NextAsync(year));
            }

            return taken;
        }));
        var all = (await Task.WhenAll(tasks)).SelectMany(t => t).ToList();

        Assert.Equal(Contexts * EachTakes, all.Distinct().Count());
        Assert.Equal(
            Enumerable.Range(1, Contexts * EachTakes).Select(n => TtaRequest.FormatReference(year, n)),
            all.Order(StringComparer.Ordinal));
    }
}
