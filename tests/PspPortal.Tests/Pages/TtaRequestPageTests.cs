using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Pages;

/// <summary>/Tta/{id}: the workflow actions by the roles allowed and refused for the others, concurrency, antiforgery,
/// scope, required notes, comments and HTML encoding.</summary>
[Collection(PortalTests.Name)]
public class TtaRequestPageTests(PortalFactory factory)
{
    private static readonly Dictionary<string, string> FullNames = new()
    {
        [DemoUsers.Poc] = "Marcus Bell",
    };

    private static TtaStatus FromStatus(TtaAction action) => action switch
    {
        TtaAction.Submit => TtaStatus.Draft,
        TtaAction.StartReview => TtaStatus.Submitted,
        TtaAction.Respond => TtaStatus.NeedsInfo,
        TtaAction.Schedule => TtaStatus.Approved,
        TtaAction.RecordDelivery => TtaStatus.Scheduled,
        TtaAction.Close => TtaStatus.Delivered,
        TtaAction.Withdraw => TtaStatus.Submitted,
        _ => TtaStatus.InReview,
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> FieldsFor(TtaAction action) => action switch
    {
        TtaAction.Decline => new() { ["Act.Reason"] = "This is better met by the site's existing grant." },
        TtaAction.AskForInformation => new() { ["Act.Question"] = "How many officers would attend?" },
        TtaAction.Respond => new() { ["Act.Response"] = "About twenty officers." },
        TtaAction.Schedule => new() { ["Act.Provider"] = "National Policing Institute", ["Act.ScheduledFor"] = Iso(TtaArrange.Today.AddDays(14)) },
        TtaAction.RecordDelivery => new() { ["Act.DeliveredOn"] = Iso(TtaArrange.Today), ["Act.DeliverySummary"] = "Two-day training for 20 officers." },
        _ => [],
    };

    public static TheoryData<TtaAction, string> EveryActionWithEachRoleAllowed()
    {
        var data = new TheoryData<TtaAction, string>();
        foreach (var action in Enum.GetValues<TtaAction>())
        {
            var allowed = TtaWorkflow.PartyFor(action) == TtaParty.Requester ? new[] { DemoUsers.Poc, DemoUsers.Liaison } : [DemoUsers.Liaison, DemoUsers.Bja];
            foreach (var user in allowed)
            {
                data.Add(action, user);
            }
        }

        return data;
    }

    private static async Task<HttpResponseMessage> PostActionAsync(PortalClient client, int id, TtaAction action, Guid version, IDictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync("/Tta"),
            ["Act.Action"] = action.ToString(),
            ["Act.Version"] = version.ToString(),
        };
        return await client.PostAsync($"/Tta/{id}?handler=Act", values);
    }

    private static string? ButtonOf(IDocument page, TtaAction action) =>
        page.QuerySelector($"form#action-{action} button[type=submit]")?.TextContent.Trim();

    [Theory]
    [MemberData(nameof(EveryActionWithEachRoleAllowed))]
    public async Task Each_transition_is_taken_by_a_role_allowed_and_refused_for_the_others(TtaAction action, string allowedUser)
    {
        var from = FromStatus(action);
        var arranged = await TtaArrange.RequestAsync(factory, "Tampa", from);
        var allowed = TtaWorkflow.PartyFor(action) == TtaParty.Requester ? new[] { DemoUsers.Poc, DemoUsers.Liaison } : [DemoUsers.Liaison, DemoUsers.Bja];

        foreach (var refusedUser in new[] { DemoUsers.Admin, DemoUsers.Bja, DemoUsers.Champion, DemoUsers.Analyst, DemoUsers.Poc, DemoUsers.Liaison }.Except(allowed))
        {
            using var refused = await factory.SignInAsync(refusedUser);
            var page = await refused.GetDocumentAsync($"/Tta/{arranged.Id}");
            Assert.Null(ButtonOf(page, action));

            var response = await PostActionAsync(refused, arranged.Id, action, arranged.Version, FieldsFor(action));

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("You cannot", (await PortalClient.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
            var unchanged = await TtaArrange.ReloadAsync(factory, arranged.Id);
            Assert.Equal((from, arranged.Version), (unchanged.Status, unchanged.Version));
        }

        using (var outsider = await factory.SignInAsync(DemoUsers.Poc2))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Tta/{arranged.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostActionAsync(outsider, arranged.Id, action, arranged.Version, FieldsFor(action))).StatusCode);
        }

        using var client = await factory.SignInAsync(allowedUser);
        var before = await client.GetDocumentAsync($"/Tta/{arranged.Id}");
        Assert.Equal(TtaWorkflow.ButtonLabel(action), ButtonOf(before, action));

        var done = await client.SubmitFormAsync($"/Tta/{arranged.Id}", $"form#action-{action}", FieldsFor(action));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await TtaArrange.ReloadAsync(factory, arranged.Id);
        Assert.Equal(TtaWorkflow.Target(from, action), after.Status);
        var step = after.History.OrderBy(t => t.Id).Last();
        Assert.Equal((action, from, after.Status), (step.Action, step.FromStatus, step.ToStatus));
        Assert.NotNull(step.ActorId);
        var shown = await client.GetDocumentAsync($"/Tta/{arranged.Id}");
        Assert.Contains(TtaWorkflow.PastTense(action), shown.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var historyRows = shown.QuerySelectorAll("#history tbody tr");
        var lastRow = historyRows[historyRows.Length - 1];
        Assert.Contains(TtaWorkflow.ButtonLabel(action), lastRow.TextContent, StringComparison.Ordinal);
        Assert.Contains(TtaWorkflow.StatusDisplay(after.Status), lastRow.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_the_present_state_does_not_allow_is_refused_with_a_message_and_no_change()
    {
        var arranged = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Submitted);
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var response = await PostActionAsync(client, arranged.Id, TtaAction.Approve, arranged.Version);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("cannot be approved", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        var unchanged = await TtaArrange.ReloadAsync(factory, arranged.Id);
        Assert.Equal((TtaStatus.Submitted, arranged.Version, 1), (unchanged.Status, unchanged.Version, unchanged.History.Count));
    }

    [Theory]
    [InlineData(TtaAction.Decline, "Act.Reason")]
    [InlineData(TtaAction.AskForInformation, "Act.Question")]
    [InlineData(TtaAction.Respond, "Act.Response")]
    [InlineData(TtaAction.Schedule, "Act.Provider")]
    [InlineData(TtaAction.Schedule, "Act.ScheduledFor")]
    [InlineData(TtaAction.RecordDelivery, "Act.DeliveredOn")]
    [InlineData(TtaAction.RecordDelivery, "Act.DeliverySummary")]
    public async Task An_action_without_what_it_needs_is_refused_next_to_the_field_and_changes_nothing(TtaAction action, string field)
    {
        var from = FromStatus(action);
        var arranged = await TtaArrange.RequestAsync(factory, "Tampa", from);
        using var client = await factory.SignInAsync(DemoUsers.Liaison);
        var fields = FieldsFor(action);
        fields[field] = "  ";

        var response = await client.SubmitFormAsync($"/Tta/{arranged.Id}", $"form#action-{action}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var id = field.Replace('.', '_');
        Assert.NotNull(page.QuerySelector($"#{id}-error"));
        Assert.NotNull(page.QuerySelector($"#error-summary a[href='#{id}']"));
        var unchanged = await TtaArrange.ReloadAsync(factory, arranged.Id);
        Assert.Equal((from, arranged.Version), (unchanged.Status, unchanged.Version));
    }

    [Fact]
    public async Task A_delivery_date_in_the_future_is_refused()
    {
        var arranged = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Scheduled);
        using var client = await factory.SignInAsync(DemoUsers.Bja);
        var fields = FieldsFor(TtaAction.RecordDelivery);
        fields["Act.DeliveredOn"] = Iso(TtaArrange.Today.AddDays(3));

        var response = await client.SubmitFormAsync($"/Tta/{arranged.Id}", "form#action-RecordDelivery", fields);

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("The delivery date cannot be in the future.", page.QuerySelector("#Act_DeliveredOn-error")!.TextContent);
        Assert.Equal(TtaStatus.Scheduled, (await TtaArrange.ReloadAsync(factory, arranged.Id)).Status);
    }

    [Fact]
    public async Task A_stale_page_is_refused_with_what_changed_and_nothing_is_overwritten()
    {
        var arranged = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.InReview);
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        using var bja = await factory.SignInAsync(DemoUsers.Bja);
        var stalePage = await liaison.GetDocumentAsync($"/Tta/{arranged.Id}");
        var staleVersion = stalePage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form#action-Decline input[name='Act.Version']")!.Value;

        var first = await bja.SubmitFormAsync($"/Tta/{arranged.Id}", "form#action-AskForInformation", FieldsFor(TtaAction.AskForInformation));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await PostActionAsync(liaison, arranged.Id, TtaAction.Decline, Guid.Parse(staleVersion), FieldsFor(TtaAction.Decline));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await PortalClient.ParseAsync(second);
        var message = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("changed after you opened it", message, StringComparison.Ordinal);
        Assert.Contains("Ask for information", message, StringComparison.Ordinal);
        Assert.Contains("waiting for information", message, StringComparison.Ordinal);
        var after = await TtaArrange.ReloadAsync(factory, arranged.Id);
        Assert.Equal(TtaStatus.NeedsInfo, after.Status);
        Assert.DoesNotContain(after.History, t => t.Action == TtaAction.Decline);
        // The refused page shows the current state, with the current version in its forms.
        Assert.Contains("Needs information", page.QuerySelector("h1 + p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_its_antiforgery_token_is_refused()
    {
        var arranged = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Submitted);
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var response = await client.PostAsync($"/Tta/{arranged.Id}?handler=Act", new Dictionary<string, string>
        {
            ["Act.Action"] = nameof(TtaAction.StartReview),
            ["Act.Version"] = arranged.Version.ToString(),
        });
        var comment = await client.PostAsync($"/Tta/{arranged.Id}?handler=Comment", new Dictionary<string, string> { ["Comment.Body"] = "Forged" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, comment.StatusCode);
        var unchanged = await TtaArrange.ReloadAsync(factory, arranged.Id);
        Assert.Equal((TtaStatus.Submitted, arranged.Version), (unchanged.Status, unchanged.Version));
        Assert.Empty(unchanged.Comments);
    }

    [Fact]
    public async Task Another_sites_request_does_not_exist_for_a_site_contact_or_a_liaison()
    {
        var pueblo = await TtaArrange.RequestAsync(factory, "Pueblo", TtaStatus.Submitted);
        var tampa = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Submitted);
        using var poc = await factory.SignInAsync(DemoUsers.Poc);
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        using var poc2 = await factory.SignInAsync(DemoUsers.Poc2);

        Assert.Equal(HttpStatusCode.NotFound, (await poc.GetAsync($"/Tta/{pueblo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Tta/{pueblo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await poc2.GetAsync($"/Tta/{tampa.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await poc.GetAsync("/Tta/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await poc2.GetAsync($"/Tta/{pueblo.Id}")).StatusCode);
        var comment = await poc.PostAsync($"/Tta/{pueblo.Id}?handler=Comment", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await poc.AntiforgeryTokenAsync("/Tta"),
            ["Comment.Body"] = "Not mine",
        });
        Assert.Equal(HttpStatusCode.NotFound, comment.StatusCode);
        Assert.Empty((await TtaArrange.ReloadAsync(factory, pueblo.Id)).Comments);
    }

    [Fact]
    public async Task Site_staff_comment_and_the_administrator_cannot()
    {
        var arranged = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.InReview);
        using var poc = await factory.SignInAsync(DemoUsers.Poc);
        using var admin = await factory.SignInAsync(DemoUsers.Admin);

        var added = await poc.SubmitFormAsync($"/Tta/{arranged.Id}", "#comment-form", new Dictionary<string, string> { ["Comment.Body"] = "Can the sessions be recorded?" });
        var empty = await poc.SubmitFormAsync($"/Tta/{arranged.Id}", "#comment-form", new Dictionary<string, string> { ["Comment.Body"] = " " });
        var adminPage = await admin.GetDocumentAsync($"/Tta/{arranged.Id}");
        var adminPost = await admin.PostAsync($"/Tta/{arranged.Id}?handler=Comment", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await admin.AntiforgeryTokenAsync("/Tta"),
            ["Comment.Body"] = "Admin note",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("Write a comment.", (await PortalClient.ParseAsync(empty)).QuerySelector("#Comment_Body-error")!.TextContent);
        Assert.Null(adminPage.QuerySelector("#comment-form"));
        Assert.Empty(adminPage.QuerySelectorAll("form[id^=action-]"));
        Assert.Equal(HttpStatusCode.Forbidden, adminPost.StatusCode);
        var comment = Assert.Single((await TtaArrange.ReloadAsync(factory, arranged.Id)).Comments);
        Assert.Equal(("Can the sessions be recorded?", FullNames[DemoUsers.Poc]), (comment.Body, comment.AuthorName));
        var page = await poc.GetDocumentAsync($"/Tta/{arranged.Id}");
        Assert.Contains("Can the sessions be recorded?", page.QuerySelector("#comments")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_text_is_html_encoded_on_the_request_page_the_list_and_the_home_page()
    {
        const string Hostile = "<script>alert('x')</script>";
        var arranged = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Submitted, title: $"Pwn {Guid.NewGuid():N} {Hostile}", at: new DateTime(2019, 1, 2, 12, 0, 0, DateTimeKind.Utc));
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        await liaison.SubmitFormAsync($"/Tta/{arranged.Id}", "#comment-form", new Dictionary<string, string> { ["Comment.Body"] = "<img src=x onerror=alert(1)>" });

        foreach (var url in new[] { $"/Tta/{arranged.Id}", $"/Tta?Q={Uri.EscapeDataString(arranged.Title[..36])}", "/" })
        {
            var html = await (await liaison.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        }

        var details = await (await liaison.GetAsync($"/Tta/{arranged.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<img src=x", details, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x", details, StringComparison.Ordinal);
        var search = await (await liaison.GetAsync($"/Tta?Q={Uri.EscapeDataString(Hostile)}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(Hostile, search, StringComparison.Ordinal);
    }
}
