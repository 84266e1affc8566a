using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

public class AccessScopeTests
{
    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.BjaStaff)]
    public void Administrators_and_bja_staff_see_every_site_whatever_their_teams(string role)
    {
        var scope = AccessScope.For([role], [3]);

        Assert.True(scope.AllSites);
        Assert.True(scope.Includes(3));
        Assert.True(scope.Includes(999));
    }

    [Theory]
    [InlineData(Roles.Champion)]
    [InlineData(Roles.Liaison)]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.SiteContact)]
    public void Other_roles_see_the_sites_whose_team_they_are_on(string role)
    {
        var scope = AccessScope.For([role], [3, 7]);

        Assert.False(scope.AllSites);
        Assert.True(scope.Includes(3));
        Assert.True(scope.Includes(7));
        Assert.False(scope.Includes(4));
    }

    [Fact]
    public void A_user_without_role_or_team_sees_nothing()
    {
        var scope = AccessScope.For([], []);

        Assert.False(scope.Includes(1));
        Assert.False(AccessScope.Nothing.Includes(1));
    }
}
