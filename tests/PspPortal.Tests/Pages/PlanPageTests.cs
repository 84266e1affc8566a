using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Pages;

[Collection(PortalTests.Name)]
public class PlanPageTests(PortalFactory factory)
{
    private static DateOnly Today => TtaArrange.Today;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<int> SiteIdAsync(string name)
    {
        await using var db = factory.CreateDbContext();
        return await db.Sites.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    /// <summary>A goal of its own with one strategy, on the site's current plan, for a test that changes a strategy.</summary>
    private async Task<(int GoalId, int StrategyId, Guid Version)> NewStrategyAsync(string site)
    {
        await using var db = factory.CreateDbContext();
        var engagement = await db.Engagements.Include(e => e.Goals).Where(e => e.Site!.Name == site).OrderByDescending(e => e.StartDate).FirstAsync();
        var goal = engagement.AddGoal($"Test goal {Guid.NewGuid():N}");
        var strategy = goal.AddStrategy("Test strategy", await db.CoreAreas.Select(c => c.Id).FirstAsync(), null, null);
        await db.SaveChangesAsync();
        return (goal.Id, strategy.Id, strategy.Version);
    }

    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, int siteId, string handler, params (string Key, string Value)[] fields)
    {
        var token = await client.AntiforgeryTokenAsync("/Sites");
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return await client.PostAsync($"/Sites/{siteId}/Plan?handler={handler}", values);
    }

    [Fact]
    public async Task Liaison_adds_a_goal_and_a_strategy_which_are_numbered_next()
    {
        var seattle = await SiteIdAsync("Seattle");
        using var client = await factory.SignInAsync(DemoUsers.Liaison);
        var title = $"Reduce repeat victimization {Guid.NewGuid():N}";

        var goal = await client.SubmitFormAsync($"/Sites/{seattle}/Plan", "#goal-form", new Dictionary<string, string> { ["Goal.Title"] = title });

        Assert.Equal(HttpStatusCode.Redirect, goal.StatusCode);
        await using var db = factory.CreateDbContext();
        var added = await db.PlanGoals.SingleAsync(g => g.Title == title);
        var highest = await db.PlanGoals.Where(g => g.EngagementId == added.EngagementId).MaxAsync(g => g.Number);
        Assert.Equal(highest, added.Number);

        var strategy = await client.SubmitFormAsync($"/Sites/{seattle}/Plan", "#strategy-form", new Dictionary<string, string>
        {
            ["Strategy.GoalId"] = added.Id.ToString(CultureInfo.InvariantCulture),
            ["Strategy.Title"] = "Offer victim services at the hospital bedside",
            ["Strategy.CoreAreaId"] = (await db.CoreAreas.Where(c => c.Name == "Community Engagement").Select(c => c.Id).SingleAsync()).ToString(CultureInfo.InvariantCulture),
            ["Strategy.OwnerName"] = "Deputy Chief",
            ["Strategy.TargetDate"] = Iso(Today.AddMonths(3)),
        });

        Assert.Equal(HttpStatusCode.Redirect, strategy.StatusCode);
        var page = await client.GetDocumentAsync($"/Sites/{seattle}/Plan");
        Assert.Contains($"Strategy {added.Number}.1: Offer victim services at the hospital bedside", page.QuerySelector($"[data-goal='{added.Number}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Strategy {added.Number}.1 is added.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoUsers.Bja, true)]
    [InlineData(DemoUsers.Liaison, true)]
    [InlineData(DemoUsers.Analyst, false)]
    [InlineData(DemoUsers.Champion, false)]
    [InlineData(DemoUsers.Poc, false)]
    [InlineData(DemoUsers.Admin, false)]
    public async Task Only_the_sites_liaison_and_bja_staff_write_the_plan(string user, bool allowed)
    {
        var tampa = await SiteIdAsync("Tampa");
        var (_, strategyId, version) = await NewStrategyAsync("Tampa");
        using var client = await factory.SignInAsync(user);
        var title = $"Goal by {user} {Guid.NewGuid():N}";

        var goal = await PostAsync(client, tampa, "Goal", ("Goal.Title", title));
        var update = await PostAsync(client, tampa, "UpdateStrategy",
            ("StrategyUpdate.StrategyId", strategyId.ToString(CultureInfo.InvariantCulture)), ("StrategyUpdate.Version", version.ToString()), ("StrategyUpdate.Title", "Test strategy"),
            ("StrategyUpdate.Status", nameof(StrategyStatus.Implemented)));

        await using var db = factory.CreateDbContext();
        Assert.Equal(allowed, await db.PlanGoals.AnyAsync(g => g.Title == title));
        Assert.Equal(allowed ? StrategyStatus.Implemented : StrategyStatus.NotStarted, (await db.PlanStrategies.SingleAsync(s => s.Id == strategyId)).Status);
        foreach (var response in new[] { goal, update })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(allowed, !response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal));
        }

        var page = await client.GetDocumentAsync($"/Sites/{tampa}/Plan");
        Assert.Equal(allowed, page.QuerySelector("#goal-form") is not null);
    }

    [Theory]
    [InlineData(DemoUsers.Poc, true)]
    [InlineData(DemoUsers.Liaison, true)]
    [InlineData(DemoUsers.Analyst, false)]
    [InlineData(DemoUsers.Champion, false)]
    public async Task The_sites_points_of_contact_add_progress_notes_but_analysts_and_champions_do_not(string user, bool allowed)
    {
        var tampa = await SiteIdAsync("Tampa");
        var (_, strategyId, _) = await NewStrategyAsync("Tampa");
        using var client = await factory.SignInAsync(user);
        var text = $"Council funded two analyst positions {Guid.NewGuid():N}";

        var response = await PostAsync(client, tampa, "Note",
            ("Note.StrategyId", strategyId.ToString(CultureInfo.InvariantCulture)), ("Note.WrittenOn", Iso(Today)), ("Note.Text", text));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(allowed, await db.StrategyNotes.AnyAsync(n => n.Text == text && n.StrategyId == strategyId));
        var page = await client.GetDocumentAsync($"/Sites/{tampa}/Plan");
        Assert.Equal(allowed, page.QuerySelector("#note-form") is not null);
        Assert.Null(allowed && user == DemoUsers.Poc ? page.QuerySelector("#goal-form") : null);
    }

    [Fact]
    public async Task A_progress_note_without_text_or_dated_tomorrow_is_refused_next_to_its_field()
    {
        var tampa = await SiteIdAsync("Tampa");
        var (_, strategyId, _) = await NewStrategyAsync("Tampa");
        using var client = await factory.SignInAsync(DemoUsers.Poc);

        var empty = await client.SubmitFormAsync($"/Sites/{tampa}/Plan", "#note-form", new Dictionary<string, string>
        {
            ["Note.StrategyId"] = strategyId.ToString(CultureInfo.InvariantCulture), ["Note.WrittenOn"] = Iso(Today), ["Note.Text"] = " ",
        });
        var tomorrow = await client.SubmitFormAsync($"/Sites/{tampa}/Plan", "#note-form", new Dictionary<string, string>
        {
            ["Note.StrategyId"] = strategyId.ToString(CultureInfo.InvariantCulture), ["Note.WrittenOn"] = Iso(Today.AddDays(2)), ["Note.Text"] = "Next week",
        });

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Write the progress note.", (await PortalClient.ParseAsync(empty)).QuerySelector("#Note_Text-error")!.TextContent);
        Assert.Equal("The date of a progress note cannot be in the future.", (await PortalClient.ParseAsync(tomorrow)).QuerySelector("#Note_WrittenOn-error")!.TextContent);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.StrategyNotes.AnyAsync(n => n.StrategyId == strategyId));
    }

    [Fact]
    public async Task A_stale_strategy_change_is_refused_with_409_and_says_what_changed()
    {
        var seattle = await SiteIdAsync("Seattle");
        var (_, strategyId, version) = await NewStrategyAsync("Seattle");
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        using var bja = await factory.SignInAsync(DemoUsers.Bja);
        (string, string)[] Change(StrategyStatus status, string owner) =>
        [
            ("StrategyUpdate.StrategyId", strategyId.ToString(CultureInfo.InvariantCulture)), ("StrategyUpdate.Version", version.ToString()), ("StrategyUpdate.Title", "Test strategy"),
            ("StrategyUpdate.Status", status.ToString()), ("StrategyUpdate.OwnerName", owner),
        ];

        var first = await PostAsync(bja, seattle, "UpdateStrategy", Change(StrategyStatus.InProgress, "Lt. Alvarez"));
        var second = await PostAsync(liaison, seattle, "UpdateStrategy", Change(StrategyStatus.Dropped, "Someone else"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var summary = (await PortalClient.ParseAsync(second)).QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("Someone else changed strategy", summary, StringComparison.Ordinal);
        Assert.Contains("it is now In progress, owned by Lt. Alvarez", summary, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        var strategy = await db.PlanStrategies.SingleAsync(s => s.Id == strategyId);
        Assert.Equal((StrategyStatus.InProgress, "Lt. Alvarez"), (strategy.Status, strategy.OwnerName));
    }

    [Fact]
    public async Task The_liaison_rewords_a_goal_and_a_strategy_which_keep_their_numbers()
    {
        var seattle = await SiteIdAsync("Seattle");
        var (goalId, strategyId, version) = await NewStrategyAsync("Seattle");
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        Guid goalVersion;
        int goalNumber;
        await using (var db = factory.CreateDbContext())
        {
            (goalVersion, goalNumber) = await db.PlanGoals.Where(g => g.Id == goalId).Select(g => new ValueTuple<Guid, int>(g.Version, g.Number)).SingleAsync();
        }

        var goal = await PostAsync(liaison, seattle, "UpdateGoal",
            ("GoalUpdate.GoalId", goalId.ToString(CultureInfo.InvariantCulture)), ("GoalUpdate.Version", goalVersion.ToString()), ("GoalUpdate.Title", "  Fewer shootings near schools  "));
        var strategy = await PostAsync(liaison, seattle, "UpdateStrategy",
            ("StrategyUpdate.StrategyId", strategyId.ToString(CultureInfo.InvariantCulture)), ("StrategyUpdate.Version", version.ToString()),
            ("StrategyUpdate.Title", "Safe passage routes"), ("StrategyUpdate.Status", nameof(StrategyStatus.InProgress)));

        Assert.Equal(HttpStatusCode.Redirect, goal.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, strategy.StatusCode);
        await using (var db = factory.CreateDbContext())
        {
            var saved = await db.PlanGoals.Include(g => g.Strategies).SingleAsync(g => g.Id == goalId);
            Assert.Equal(("Fewer shootings near schools", goalNumber), (saved.Title, saved.Number));
            Assert.Equal(("Safe passage routes", 1), (saved.Strategies.Single().Title, saved.Strategies.Single().Number));
        }

        var page = await liaison.GetDocumentAsync($"/Sites/{seattle}/Plan");
        Assert.Equal($"Goal {goalNumber}: Fewer shootings near schools", page.QuerySelector($"#goal-{goalNumber}-heading")!.TextContent);

        // The old version again: refused, with what it says now.
        var stale = await PostAsync(liaison, seattle, "UpdateGoal",
            ("GoalUpdate.GoalId", goalId.ToString(CultureInfo.InvariantCulture)), ("GoalUpdate.Version", goalVersion.ToString()), ("GoalUpdate.Title", "Something else"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("it now reads \"Fewer shootings near schools\"", (await PortalClient.ParseAsync(stale)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_goal_without_a_title_is_refused_beside_its_field_and_a_site_contact_cannot_reword_one()
    {
        var seattle = await SiteIdAsync("Seattle");
        var tampa = await SiteIdAsync("Tampa");
        var (goalId, _, _) = await NewStrategyAsync("Seattle");
        var (tampaGoalId, _, _) = await NewStrategyAsync("Tampa");
        await using var db = factory.CreateDbContext();
        var before = await db.PlanGoals.AsNoTracking().SingleAsync(g => g.Id == goalId);
        var tampaBefore = await db.PlanGoals.AsNoTracking().SingleAsync(g => g.Id == tampaGoalId);
        using var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        using var poc = await factory.SignInAsync(DemoUsers.Poc);

        var empty = await PostAsync(liaison, seattle, "UpdateGoal",
            ("GoalUpdate.GoalId", goalId.ToString(CultureInfo.InvariantCulture)), ("GoalUpdate.Version", before.Version.ToString()), ("GoalUpdate.Title", "   "));
        var forbidden = await PostAsync(poc, tampa, "UpdateGoal",
            ("GoalUpdate.GoalId", tampaGoalId.ToString(CultureInfo.InvariantCulture)), ("GoalUpdate.Version", tampaBefore.Version.ToString()), ("GoalUpdate.Title", "Renamed by the site"));
        // A goal of another site's plan, posted to this site's page, is not found there.
        var elsewhere = await PostAsync(liaison, seattle, "UpdateGoal",
            ("GoalUpdate.GoalId", tampaGoalId.ToString(CultureInfo.InvariantCulture)), ("GoalUpdate.Version", tampaBefore.Version.ToString()), ("GoalUpdate.Title", "Moved"));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var page = await PortalClient.ParseAsync(empty);
        Assert.Equal("Give the goal a title.", page.QuerySelector("#GoalUpdate_Title-error")!.TextContent);
        Assert.NotNull(page.QuerySelector($"#goal-form-{goalId} textarea#GoalUpdate_Title"));
        Assert.Contains("/Account/AccessDenied", forbidden.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(before.Title, (await db.PlanGoals.AsNoTracking().SingleAsync(g => g.Id == goalId)).Title);
        Assert.Equal(tampaBefore.Title, (await db.PlanGoals.AsNoTracking().SingleAsync(g => g.Id == tampaGoalId)).Title);
    }

    [Fact]
    public async Task Link_request_links_an_unlinked_request_once_and_a_second_link_is_refused_with_409()
    {
        var seattle = await SiteIdAsync("Seattle");
        var (_, strategyId, _) = await NewStrategyAsync("Seattle");
        var request = await TtaArrange.RequestAsync(factory, "Seattle", TtaStatus.Approved);
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var page = await client.GetDocumentAsync($"/Sites/{seattle}/Plan");
        Assert.Contains("Link request", page.QuerySelector("#link-form button")!.TextContent, StringComparison.Ordinal);
        var link = await PostAsync(client, seattle, "Link", ("Link.RequestId", request.Id.ToString(CultureInfo.InvariantCulture)), ("Link.StrategyId", strategyId.ToString(CultureInfo.InvariantCulture)));
        var again = await PostAsync(client, seattle, "Link", ("Link.RequestId", request.Id.ToString(CultureInfo.InvariantCulture)), ("Link.StrategyId", strategyId.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains($"{request.ReferenceNumber} was linked to strategy", (await PortalClient.ParseAsync(again)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        var reloaded = await TtaArrange.ReloadAsync(factory, request.Id);
        Assert.Equal(strategyId, reloaded.StrategyId);
        Assert.NotEqual(request.Version, reloaded.Version);
    }

    [Fact]
    public async Task A_request_of_another_site_cannot_be_linked()
    {
        var seattle = await SiteIdAsync("Seattle");
        var (_, strategyId, _) = await NewStrategyAsync("Seattle");
        var knoxville = await TtaArrange.RequestAsync(factory, "Knoxville", TtaStatus.Submitted);
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var response = await PostAsync(client, seattle, "Link", ("Link.RequestId", knoxville.Id.ToString(CultureInfo.InvariantCulture)), ("Link.StrategyId", strategyId.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choose one of this site's requests.", (await PortalClient.ParseAsync(response)).QuerySelector("#Link_RequestId-error")!.TextContent);
        Assert.Null((await TtaArrange.ReloadAsync(factory, knoxville.Id)).StrategyId);
    }

    [Fact]
    public async Task The_figures_match_a_hand_count_of_the_plan()
    {
        var tampa = await SiteIdAsync("Tampa");
        using var client = await factory.SignInAsync(DemoUsers.Poc);
        var page = await client.GetDocumentAsync($"/Sites/{tampa}/Plan");

        await using var db = factory.CreateDbContext();
        var engagement = await db.Engagements.Where(e => e.SiteId == tampa).OrderByDescending(e => e.StartDate).Select(e => e.Id).FirstAsync();
        var strategies = await db.PlanStrategies.Where(s => s.Goal!.EngagementId == engagement).Select(s => new { s.Status, Requests = s.Requests.Select(r => r.Status).ToList() }).ToListAsync();
        var recommendations = await db.Recommendations.Where(r => r.Assessment!.EngagementId == engagement).Select(r => r.Status).ToListAsync();
        // Counted by hand from the rows, without the domain's expressions.
        var kept = strategies.Where(s => s.Status != StrategyStatus.Dropped).ToList();
        var implemented = kept.Count(s => s.Status == StrategyStatus.Implemented);
        var adopted = recommendations.Count(r => r != RecommendationStatus.NotAdopted);
        var addressed = recommendations.Count(r => r == RecommendationStatus.Addressed);
        var linked = strategies.SelectMany(s => s.Requests).Where(r => r is not TtaStatus.Declined and not TtaStatus.Withdrawn).ToList();
        var delivered = linked.Count(r => r is TtaStatus.Delivered or TtaStatus.Closed);

        Assert.Equal($"{implemented} of {kept.Count}", page.QuerySelector("#plan-implemented-count")!.TextContent);
        Assert.Equal($"{addressed} of {adopted}", page.QuerySelector("#plan-addressed-count")!.TextContent);
        Assert.Equal($"{delivered} of {linked.Count}", page.QuerySelector("#plan-delivered-count")!.TextContent);
        Assert.Equal($"{(int)Math.Round(100.0 * implemented / kept.Count, MidpointRounding.AwayFromZero)}%", page.QuerySelector("#plan-implemented")!.TextContent);
        Assert.True(implemented > 0 && implemented < kept.Count, "Tampa's plan is part-way implemented");

        // The site page and its cohort page show the same figure beside the milestone progress.
        var site = await client.GetDocumentAsync($"/Sites/{tampa}");
        Assert.Equal(page.QuerySelector("#plan-implemented")!.TextContent, site.QuerySelector("#site-plan-implemented")!.TextContent);
        var cohort = await db.Engagements.Where(e => e.Id == engagement).Select(e => e.CohortId).SingleAsync();
        var cohortPage = await client.GetDocumentAsync($"/Cohorts/{cohort}");
        Assert.Contains($"({implemented} of {kept.Count})", cohortPage.QuerySelector($"#site-table tr[data-site-id='{tampa}'] [data-figure='plan-implemented']")!.TextContent, StringComparison.Ordinal);

        // So does the cohort's CSV, for reports.
        var csv = (await (await client.GetAsync($"/Cohorts/{cohort}/Export")).Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        var tampaLine = csv.Single(l => l.StartsWith("Tampa,FL,", StringComparison.Ordinal)).Split(',');
        string Cell(string column) => tampaLine[Array.IndexOf(header, column)];
        Assert.Equal(kept.Count.ToString(CultureInfo.InvariantCulture), Cell("PlanStrategies"));
        Assert.Equal(implemented.ToString(CultureInfo.InvariantCulture), Cell("StrategiesImplemented"));
        Assert.Equal(adopted.ToString(CultureInfo.InvariantCulture), Cell("Recommendations"));
        Assert.Equal(addressed.ToString(CultureInfo.InvariantCulture), Cell("RecommendationsAddressed"));
        Assert.Equal(linked.Count.ToString(CultureInfo.InvariantCulture), Cell("PlanRequests"));
        Assert.Equal(delivered.ToString(CultureInfo.InvariantCulture), Cell("PlanRequestsDelivered"));
    }

    [Fact]
    public async Task A_plan_out_of_scope_answers_404_for_reading_writing_and_export()
    {
        var tampa = await SiteIdAsync("Tampa");
        var (_, strategyId, version) = await NewStrategyAsync("Tampa");
        using var client = await factory.SignInAsync(DemoUsers.Poc2);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Sites/{tampa}/Plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Sites/{tampa}/Plan/Export")).StatusCode);
        var update = await PostAsync(client, tampa, "UpdateStrategy",
            ("StrategyUpdate.StrategyId", strategyId.ToString(CultureInfo.InvariantCulture)), ("StrategyUpdate.Version", version.ToString()), ("StrategyUpdate.Title", "Test strategy"), ("StrategyUpdate.Status", "Implemented"));
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(StrategyStatus.NotStarted, (await db.PlanStrategies.SingleAsync(s => s.Id == strategyId)).Status);
    }

    [Fact]
    public async Task The_plan_exports_as_csv_with_its_recommendations_and_strategies()
    {
        var tulsa = await SiteIdAsync("Tulsa");
        using var client = await factory.SignInAsync(DemoUsers.Bja);

        var response = await client.GetAsync($"/Sites/{tulsa}/Plan/Export");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Site,Kind,Number,Text,Goal,CoreArea,Status", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains(",Strategy,1.1,Open a real time crime center", StringComparison.Ordinal) && l.Contains("15PBJA-23-GK-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",Recommendation,1,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Completing_the_plan_milestone_needs_the_plan_and_offers_to_start_it()
    {
        // A site of its own, whose engagement has no assessment and no plan yet.
        int siteId, reportId;
        await using (var db = factory.CreateDbContext())
        {
            var cohort = await db.Cohorts.FirstAsync();
            var site = new Site { Name = $"Testville {Guid.NewGuid():N}"[..20], State = "KS" };
            var engagement = new Engagement { Site = site, Cohort = cohort };
            engagement.StartOn(Today.AddMonths(-8));
            engagement.ApplyStandardPlan();
            db.Engagements.Add(engagement);
            await db.SaveChangesAsync();
            siteId = site.Id;
            reportId = engagement.Milestones.Single(m => m.Kind == MilestoneKind.Report).Id;
        }

        using var client = await factory.SignInAsync(DemoUsers.Bja);
        var milestone = await client.GetDocumentAsync($"/Milestones/{reportId}");
        Assert.Contains($"/Sites/{siteId}/Plan#assessment", milestone.QuerySelector("#plan-content-missing a")!.GetAttribute("href"), StringComparison.Ordinal);

        var refused = await client.SubmitFormAsync($"/Milestones/{reportId}", "#complete-form", new Dictionary<string, string> { ["Complete.CompletedOn"] = Iso(Today) });
        Assert.Contains(PlanContent.AssessmentMissing, (await PortalClient.ParseAsync(refused)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);

        var assessed = await client.SubmitFormAsync($"/Sites/{siteId}/Plan", "#assessment-form", new Dictionary<string, string>
        {
            ["Assess.ConductedOn"] = Iso(Today.AddMonths(-3)), ["Assess.Findings"] = "Shootings concentrate downtown.", ["Assess.CoreAreaIds"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);
        var recommended = await client.SubmitFormAsync($"/Sites/{siteId}/Plan", "#recommendation-form", new Dictionary<string, string>
        {
            ["Recommend.Text"] = "Review every shooting weekly.", ["Recommend.CoreAreaId"] = "1", ["Recommend.Priority"] = "High",
        });
        Assert.Equal(HttpStatusCode.Redirect, recommended.StatusCode);
        var completed = await client.SubmitFormAsync($"/Milestones/{reportId}", "#complete-form", new Dictionary<string, string> { ["Complete.CompletedOn"] = Iso(Today) });
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);

        await using var check = factory.CreateDbContext();
        Assert.Equal(MilestoneStatus.Completed, (await check.Milestones.SingleAsync(m => m.Id == reportId)).Status);
        Assert.Equal(1, await check.Recommendations.Where(r => r.Assessment!.Engagement!.SiteId == siteId).Select(r => r.Number).SingleAsync());
    }
}
