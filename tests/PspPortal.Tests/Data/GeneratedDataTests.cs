using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Data.Seeding;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Data;

/// <summary>generate-data writes in bulk, past SaveChanges; what it writes must still be data the portal could have
/// made: every request's site has an engagement, history replays through the workflow table to the status, the demo
/// accounts' scopes are what they were, and the figures stamp moves. A database of its own, small.</summary>
public sealed class GeneratedDataTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task GenerateAsync(int sites, int requests)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var generator = ActivatorUtilities.CreateInstance<SyntheticProgramGenerator>(scope.ServiceProvider);
        await generator.GenerateAsync(sites, requests, new Progress<GenerationProgress>());
    }

    [Fact]
    public async Task Generated_data_is_consistent_and_a_second_run_adds_only_what_is_missing()
    {
        using var liaison = await _factory.SignInAsync(DemoUsers.Liaison);
        var sitesBefore = (await liaison.GetDocumentAsync("/Sites")).QuerySelectorAll("tbody tr").Length;
        Guid stampBefore;
        await using (var db = _factory.CreateDbContext())
        {
            stampBefore = await db.FiguresStamps.Select(s => s.Stamp).SingleAsync();
        }

        await GenerateAsync(12, 150);
        await GenerateAsync(15, 400);

        await using var check = _factory.CreateDbContext();
        var synthetic = check.Sites.Where(s => s.Name.StartsWith(SyntheticProgramGenerator.SiteNamePrefix));
        Assert.Equal(15, await synthetic.CountAsync());
        Assert.Equal(15, await check.Engagements.CountAsync(e => synthetic.Any(s => s.Id == e.SiteId)));
        Assert.True(await check.Milestones.CountAsync(m => synthetic.Any(s => s.Id == m.Engagement!.SiteId)) >= 15 * 10);

        var requests = await check.TtaRequests.AsNoTracking().Include(r => r.History)
            .Where(r => r.ReferenceNumber.StartsWith("SYN-")).ToListAsync();
        Assert.Equal(400, requests.Count);
        Assert.Equal(400, requests.Select(r => r.ReferenceNumber).Distinct().Count());
        Assert.All(requests, r => Assert.True(check.Engagements.Any(e => e.SiteId == r.SiteId), $"{r.ReferenceNumber}'s site has no engagement"));
        Assert.True(requests.Select(r => r.Status).Distinct().Count() >= 8, "the requests cover the workflow's states");
        foreach (var request in requests)
        {
            var state = TtaStatus.Draft;
            foreach (var step in request.History.OrderBy(t => t.OccurredAt).ThenBy(t => t.Id))
            {
                Assert.Equal(state, step.FromStatus);
                Assert.Equal(TtaWorkflow.Target(step.FromStatus, step.Action), step.ToStatus);
                state = step.ToStatus;
            }

            Assert.Equal(request.Status, state);
            Assert.True(request.UpdatedAt <= DateTime.UtcNow);
        }

        // Nobody's scope grew: the generated teams have no accounts, and the liaison sees the sites they saw.
        Assert.False(await check.SiteTeamMembers.AnyAsync(m => m.UserId != null && synthetic.Any(s => s.Id == m.SiteId)));
        Assert.Equal(sitesBefore, (await liaison.GetDocumentAsync("/Sites")).QuerySelectorAll("tbody tr").Length);

        // Written in bulk, so not audited row by row; one entry says what was generated.
        Assert.False(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(TtaRequest) && a.Changes!.Contains("SYN-")));
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action == "Generated"));
        Assert.NotEqual(stampBefore, await check.FiguresStamps.Select(s => s.Stamp).SingleAsync());
    }
}
