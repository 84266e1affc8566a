using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Tests.Infrastructure;
using PspPortal.Tests.Security;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Tests.Pages;

/// <summary>The one place that adds and removes site-team places (Pages/Shared/SiteTeams), used by the account page
/// and the site-team page.</summary>
[Collection(PortalTests.Name)]
public class SiteTeamsTests(PortalFactory factory)
{
    [Fact]
    public async Task A_place_is_added_once_and_removed_only_through_its_own_site_or_account()
    {
        var (userId, _) = await Accounts.CreateAsync(factory, Roles.Analyst);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var teams = scope.ServiceProvider.GetRequiredService<SiteTeams>();
        var account = await db.Users.SingleAsync(u => u.Id == userId);
        var sites = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
        var (site, otherSite) = (sites[0], sites[1]);

        var input = new TeamPlaceInput { SiteId = site, UserId = userId, TeamRole = SiteTeamRole.PspAnalyst };
        Assert.Equal(TeamPlaceOutcome.Added, (await teams.AddAsync(input)).Outcome);
        Assert.Equal(TeamPlaceOutcome.AlreadyHeld, (await teams.AddAsync(input)).Outcome);
        Assert.Equal(TeamPlaceOutcome.NoSuchSite, (await teams.AddAsync(new TeamPlaceInput { SiteId = -1, UserId = userId, TeamRole = SiteTeamRole.PspAnalyst })).Outcome);
        Assert.Equal(TeamPlaceOutcome.NoSuchAccount, (await teams.AddAsync(new TeamPlaceInput { SiteId = site, UserId = "nobody", TeamRole = SiteTeamRole.PspAnalyst })).Outcome);
        var place = await db.SiteTeamMembers.AsNoTracking().SingleAsync(m => m.UserId == userId);
        Assert.Equal((site, account.FullName, account.Email), (place.SiteId, place.FullName, place.Email));

        Assert.Null(await teams.RemoveFromSiteAsync(otherSite, place.Id));
        Assert.Null(await teams.RemoveFromAccountAsync(Guid.NewGuid().ToString(), place.Id));
        Assert.True(await db.SiteTeamMembers.AnyAsync(m => m.Id == place.Id));

        Assert.Equal(place.Id, (await teams.RemoveFromSiteAsync(site, place.Id))?.Id);
        Assert.False(await db.SiteTeamMembers.AnyAsync(m => m.Id == place.Id));
        Assert.Equal(TeamPlaceOutcome.Added, (await teams.AddAsync(input)).Outcome);
        var again = await db.SiteTeamMembers.AsNoTracking().SingleAsync(m => m.UserId == userId);
        Assert.Equal(again.Id, (await teams.RemoveFromAccountAsync(userId, again.Id))?.Id);
        Assert.False(await db.SiteTeamMembers.AnyAsync(m => m.UserId == userId));
    }
}
