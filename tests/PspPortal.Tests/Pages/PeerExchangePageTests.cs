using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Pages;

/// <summary>Peer exchanges: the liaison invites suggested hosts; a host site's contact sees and answers only their own
/// site's invitations; an accepted visit becomes a milestone of the requesting site.</summary>
[Collection(PortalTests.Name)]
public class PeerExchangePageTests(PortalFactory factory)
{
    /// <summary>A fresh peer exchange request of Seattle (the liaison's site) with Pueblo invited.</summary>
    private async Task<(int RequestId, int InvitationId)> ArrangeAsync()
    {
        var request = await TtaArrange.RequestAsync(factory, "Seattle", TtaStatus.Approved, title: $"Peer {Guid.NewGuid():N}", mode: DeliveryMode.PeerExchange);
        await using var db = factory.CreateDbContext();
        var pueblo = await db.Sites.Where(s => s.Name == "Pueblo").Select(s => s.Id).SingleAsync();
        var invitation = new PeerExchange { TtaRequestId = request.Id, HostSiteId = pueblo, InvitedByName = "Chris Okafor", InvitedAt = DateTime.UtcNow };
        db.PeerExchanges.Add(invitation);
        await db.SaveChangesAsync();
        return (request.Id, invitation.Id);
    }

    [Fact]
    public async Task Only_the_host_sites_contacts_see_and_answer_its_invitation()
    {
        var (_, invitation) = await ArrangeAsync();
        using var host = await factory.SignInAsync(DemoUsers.Poc2);

        var home = await host.GetDocumentAsync("/");
        Assert.Contains($"/PeerExchanges/{invitation}", home.QuerySelector("#invitations")!.InnerHtml, StringComparison.Ordinal);

        foreach (var other in new[] { DemoUsers.Poc, DemoUsers.Liaison, DemoUsers.Bja, DemoUsers.Champion })
        {
            using var client = await factory.SignInAsync(other);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/PeerExchanges/{invitation}")).StatusCode);
            Assert.DoesNotContain($"/PeerExchanges/{invitation}", (await client.GetDocumentAsync("/")).Body!.InnerHtml, StringComparison.Ordinal);
        }

        using var poc = await factory.SignInAsync(DemoUsers.Poc);
        var token = await poc.AntiforgeryTokenAsync("/Toolkits");
        var refused = await poc.PostAsync($"/PeerExchanges/{invitation}", [new("__RequestVerificationToken", token), new("Input.Accept", "false")]);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(PeerExchangeStatus.Invited, await db.PeerExchanges.Where(p => p.Id == invitation).Select(p => p.Status).SingleAsync());
    }

    [Fact]
    public async Task An_accepted_visit_becomes_a_milestone_of_the_requesting_site()
    {
        var (request, invitation) = await ArrangeAsync();
        using var host = await factory.SignInAsync(DemoUsers.Poc2);
        var start = TtaArrange.Today.AddDays(30);

        var wrong = await host.SubmitFormAsync($"/PeerExchanges/{invitation}", "#accept-form", new Dictionary<string, string>
        {
            ["Input.VisitStart"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.VisitEnd"] = start.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.Contains("at most", (await PortalClient.ParseAsync(wrong)).QuerySelector("#Input_VisitEnd-error")!.TextContent, StringComparison.Ordinal);

        var accepted = await host.SubmitFormAsync($"/PeerExchanges/{invitation}", "#accept-form", new Dictionary<string, string>
        {
            ["Input.VisitStart"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.VisitEnd"] = start.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Note"] = "Welcome.",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        await using var db = factory.CreateDbContext();
        var answered = await db.PeerExchanges.Include(p => p.Milestone).ThenInclude(m => m!.Engagement).SingleAsync(p => p.Id == invitation);
        var seattle = await db.TtaRequests.Where(r => r.Id == request).Select(r => r.SiteId).SingleAsync();
        Assert.Equal(PeerExchangeStatus.Accepted, answered.Status);
        Assert.Equal(start, answered.Milestone!.DueDate);
        Assert.Equal(MilestoneKind.PeerExchange, answered.Milestone.Kind);
        Assert.Equal(seattle, answered.Milestone.Engagement!.SiteId);

        // Answered once: a second answer changes nothing.
        var token = await host.AntiforgeryTokenAsync("/Toolkits");
        var second = await host.PostAsync($"/PeerExchanges/{invitation}", [new("__RequestVerificationToken", token), new("Input.Accept", "false"), new("Input.Version", answered.Version.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        var page = await liaison.GetDocumentAsync($"/Tta/{request}");
        Assert.Contains("Accepted", page.QuerySelector("#hosts")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#decline-form", "Input_Note", "accept-note")]
    [InlineData("#accept-form", "Input_Note", "decline-note")]
    public async Task A_note_too_long_is_refused_beside_the_note_of_the_form_sent_and_kept(string form, string refusedId, string otherId)
    {
        var (_, invitation) = await ArrangeAsync();
        using var host = await factory.SignInAsync(DemoUsers.Poc2);
        var start = TtaArrange.Today.AddDays(30);
        var note = new string('n', PeerExchange.NoteMax + 1);

        var refused = await host.SubmitFormAsync($"/PeerExchanges/{invitation}", form, new Dictionary<string, string>
        {
            ["Input.VisitStart"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.VisitEnd"] = start.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Note"] = note,
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        var field = page.QuerySelector($"{form} textarea#{refusedId}")!;
        Assert.Equal(note, field.TextContent);
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("at most", page.QuerySelector($"{form} #{refusedId}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"#{refusedId}", page.QuerySelector("#error-summary a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"textarea#{otherId}"));
        await using var db = factory.CreateDbContext();
        Assert.Equal(PeerExchangeStatus.Invited, await db.PeerExchanges.Where(p => p.Id == invitation).Select(p => p.Status).SingleAsync());
    }

    [Fact]
    public async Task The_liaison_invites_only_a_suggested_host_that_has_done_the_work()
    {
        var (request, _) = await ArrangeAsync();
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);

        var page = await liaison.GetDocumentAsync($"/Tta/{request}");
        var suggested = page.QuerySelectorAll("#hostSiteId option").Select(o => int.Parse(o.GetAttribute("value")!, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(suggested);

        await using var db = factory.CreateDbContext();
        var coreArea = await db.TtaRequests.Where(r => r.Id == request).Select(r => r.CoreAreaId).SingleAsync();
        var expected = await db.Sites.Where(PeerExchange.HasDone(coreArea)).Select(s => s.Id).ToListAsync();
        Assert.All(suggested, id => Assert.Contains(id, expected));

        var invited = await liaison.SubmitFormAsync($"/Tta/{request}", "#invite-form", new Dictionary<string, string> { ["hostSiteId"] = suggested[0].ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var notDone = await db.Sites.Where(s => !expected.Contains(s.Id)).Select(s => s.Id).FirstAsync();
        var refused = await liaison.SubmitFormAsync($"/Tta/{request}", "#invite-form", new Dictionary<string, string> { ["hostSiteId"] = notDone.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(2, await db.PeerExchanges.CountAsync(p => p.TtaRequestId == request));

        using var poc = await factory.SignInAsync(DemoUsers.Poc2);
        Assert.Equal(HttpStatusCode.NotFound, (await poc.GetAsync($"/Tta/{request}")).StatusCode);
    }
}
