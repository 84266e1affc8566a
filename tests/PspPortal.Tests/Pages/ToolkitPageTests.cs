using System.Net;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Pages;

/// <summary>/Toolkits: creating, adding from a resource, ordering, and sharing that grants exactly the people named.</summary>
[Collection(PortalTests.Name)]
public class ToolkitPageTests(PortalFactory factory)
{
    private static async Task<int> CreateAsync(PortalClient client, string name)
    {
        var response = await client.SubmitFormAsync("/Toolkits", "#create-toolkit", new Dictionary<string, string> { ["Input.Name"] = name });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<HttpStatusCode> StatusAsync(PortalClient client, string url) => (await client.GetAsync(url)).StatusCode;

    [Fact]
    public async Task Sharing_with_a_person_grants_that_person_and_nobody_else()
    {
        using var owner = await factory.SignInAsync(DemoUsers.Poc);
        var id = await CreateAsync(owner, $"Private {Guid.NewGuid():N}");

        // Before sharing: only the owner, whatever the others' roles.
        foreach (var other in new[] { DemoUsers.Liaison, DemoUsers.Bja, DemoUsers.Admin, DemoUsers.Analyst })
        {
            using var client = await factory.SignInAsync(other);
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/Toolkits/{id}"));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/Toolkits/{id}/Export"));
        }

        var shared = await owner.SubmitFormAsync($"/Toolkits/{id}", "#share-form", new Dictionary<string, string> { ["Share.Email"] = DemoUsers.Liaison });
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);

        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(liaison, $"/Toolkits/{id}"));
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), (await liaison.GetDocumentAsync("/Toolkits")).QuerySelector("#shared")!.InnerHtml, StringComparison.Ordinal);
        foreach (var other in new[] { DemoUsers.Bja, DemoUsers.Admin, DemoUsers.Analyst, DemoUsers.Champion, DemoUsers.Poc2 })
        {
            using var client = await factory.SignInAsync(other);
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/Toolkits/{id}"));
        }

        // The person it is shared with reads it but cannot change it.
        var token = await liaison.AntiforgeryTokenAsync($"/Toolkits/{id}");
        await using var db = factory.CreateDbContext();
        var version = await db.Toolkits.Where(t => t.Id == id).Select(t => t.Version).SingleAsync();
        var refused = await liaison.PostAsync($"/Toolkits/{id}?handler=Share", [new("__RequestVerificationToken", token), new("Version", version.ToString()), new("Share.Email", DemoUsers.Poc2)]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, await db.ToolkitShares.CountAsync(s => s.ToolkitId == id));
    }

    [Fact]
    public async Task Sharing_with_a_site_grants_the_people_on_its_team()
    {
        await using var db = factory.CreateDbContext();
        var tampa = await db.Sites.Where(s => s.Name == "Tampa").Select(s => s.Id).SingleAsync();
        using var owner = await factory.SignInAsync(DemoUsers.Liaison);
        var id = await CreateAsync(owner, $"For Tampa {Guid.NewGuid():N}");

        var shared = await owner.SubmitFormAsync($"/Toolkits/{id}", "#share-form", new Dictionary<string, string> { ["Share.SiteId"] = tampa.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);

        // Tampa's team: the site contact, the analyst and the champion; not Pueblo's contact, not BJA staff.
        foreach (var member in new[] { DemoUsers.Poc, DemoUsers.Analyst, DemoUsers.Champion })
        {
            using var client = await factory.SignInAsync(member);
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, $"/Toolkits/{id}"));
        }

        foreach (var other in new[] { DemoUsers.Poc2, DemoUsers.Bja, DemoUsers.Admin })
        {
            using var client = await factory.SignInAsync(other);
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/Toolkits/{id}"));
        }
    }

    [Fact]
    public async Task A_resource_is_added_from_its_page_ordered_annotated_and_exported()
    {
        await using var db = factory.CreateDbContext();
        var resources = await db.Resources.Where(r => !r.IsRetired).OrderBy(r => r.Id).Select(r => new { r.Id, r.Title }).Take(2).ToListAsync();
        using var client = await factory.SignInAsync(DemoUsers.Poc2);
        var name = $"Pueblo {Guid.NewGuid():N}";

        var created = await client.SubmitFormAsync($"/Resources/{resources[0].Id}", "#add-to-toolkit", new Dictionary<string, string> { ["Add.ToolkitId"] = "0", ["Add.NewName"] = name, ["Add.Note"] = "=SUM(A1) first" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await db.Toolkits.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
        var added = await client.SubmitFormAsync($"/Resources/{resources[1].Id}", "#add-to-toolkit", new Dictionary<string, string> { ["Add.ToolkitId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var moved = await client.SubmitFormAsync($"/Toolkits/{id}", $"form[action*='resourceId={resources[1].Id}'][action*='by=-1']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var page = await client.GetDocumentAsync($"/Toolkits/{id}");
        Assert.Equal([resources[1].Title, resources[0].Title], page.QuerySelectorAll(".psp-toolkit h3 a").Select(a => a.TextContent.Trim()));
        var csv = await (await client.GetAsync($"/Toolkits/{id}/Export")).Content.ReadAsStringAsync();
        Assert.Contains("'=SUM(A1) first", csv, StringComparison.Ordinal);
        Assert.True(csv.IndexOf(resources[1].Title, StringComparison.Ordinal) < csv.IndexOf(resources[0].Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_name_is_refused_next_to_the_field()
    {
        using var client = await factory.SignInAsync(DemoUsers.Poc);

        var response = await client.SubmitFormAsync("/Toolkits", "#create-toolkit", new Dictionary<string, string> { ["Input.Name"] = "  " });
        var page = await PortalClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the toolkit a name.", page.QuerySelector("#Input_Name-error")!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>The joins of the Clearinghouse to the rest: a toolkit suggested for a strategy shows on the plan to those
/// who may see it, and resources attached to a request's delivery.</summary>
[Collection(PortalTests.Name)]
public class ClearinghouseJoinTests(PortalFactory factory)
{
    [Fact]
    public async Task A_toolkit_suggested_for_a_strategy_shows_on_the_plan_only_to_those_it_is_shared_with()
    {
        await using var db = factory.CreateDbContext();
        var toolkit = await db.Toolkits.Where(t => t.StrategyId != null && t.Shares.Any()).Select(t => new { t.Id, t.Name, SiteId = t.Strategy!.Goal!.Engagement!.SiteId }).FirstAsync();
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        using var analyst = await factory.SignInAsync(DemoUsers.Analyst);

        var shared = await liaison.GetDocumentAsync($"/Sites/{toolkit.SiteId}/Plan");
        var notShared = await analyst.GetDocumentAsync($"/Sites/{toolkit.SiteId}/Plan");

        Assert.Contains(shared.QuerySelectorAll(".psp-suggested-toolkits a"), a => a.GetAttribute("href") == $"/Toolkits/{toolkit.Id}");
        Assert.DoesNotContain(notShared.QuerySelectorAll(".psp-suggested-toolkits a"), a => a.GetAttribute("href") == $"/Toolkits/{toolkit.Id}");
    }

    [Fact]
    public async Task The_liaison_attaches_resources_to_a_request_and_a_site_contact_cannot()
    {
        var request = await TtaArrange.RequestAsync(factory, "Tampa", PspPortal.Web.Domain.TtaStatus.Scheduled);
        await using var db = factory.CreateDbContext();
        var resource = await db.Resources.Where(r => !r.IsRetired && r.Title.Contains("NIBIN")).Select(r => new { r.Id, r.Title }).FirstAsync();
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        using var poc = await factory.SignInAsync(DemoUsers.Poc);

        var found = await liaison.GetDocumentAsync($"/Tta/{request.Id}?find=NIBIN");
        Assert.Contains(found.QuerySelectorAll("#found-resources a"), a => a.TextContent.Trim() == resource.Title);
        var attached = await liaison.SubmitFormAsync($"/Tta/{request.Id}?find=NIBIN", $"#found-resources form[action*='resourceId={resource.Id}']", new Dictionary<string, string>());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, attached.StatusCode);

        var seen = await poc.GetDocumentAsync($"/Tta/{request.Id}");
        Assert.Contains(seen.QuerySelectorAll("#attached-resources a"), a => a.TextContent.Trim() == resource.Title);
        Assert.Empty(seen.QuerySelectorAll("#find"));
        var token = await poc.AntiforgeryTokenAsync($"/Tta/{request.Id}");
        var refused = await poc.PostAsync($"/Tta/{request.Id}?handler=Detach&resourceId={resource.Id}", [new("__RequestVerificationToken", token)]);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, await db.TtaRequestResources.CountAsync(a => a.TtaRequestId == request.Id));
    }
}
