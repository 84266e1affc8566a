using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

public class MilestonePermissionsTests
{
    private const int Tampa = 1;
    private const int Pueblo = 2;

    [Theory]
    [InlineData(Roles.Liaison, Tampa, MilestoneAccess.Change)]
    [InlineData(Roles.Liaison, Pueblo, MilestoneAccess.None)]
    [InlineData(Roles.Analyst, Tampa, MilestoneAccess.Notes)]
    [InlineData(Roles.Analyst, Pueblo, MilestoneAccess.None)]
    [InlineData(Roles.SiteContact, Tampa, MilestoneAccess.Read)]
    [InlineData(Roles.Champion, Tampa, MilestoneAccess.Read)]
    [InlineData(Roles.SiteContact, Pueblo, MilestoneAccess.None)]
    public void Scoped_roles_act_on_their_own_sites_only(string role, int siteId, MilestoneAccess expected)
    {
        var scope = AccessScope.For([role], [Tampa]);

        Assert.Equal(expected, MilestonePermissions.For([role], scope, siteId));
    }

    [Fact]
    public void Bja_staff_change_the_milestones_of_every_site()
    {
        var scope = AccessScope.For([Roles.BjaStaff], []);

        Assert.Equal(MilestoneAccess.Change, MilestonePermissions.For([Roles.BjaStaff], scope, Pueblo));
    }

    [Fact]
    public void The_administrator_sees_every_site_but_changes_nothing()
    {
        var scope = AccessScope.For([Roles.Administrator], []);

        var access = MilestonePermissions.For([Roles.Administrator], scope, Pueblo);

        Assert.Equal(MilestoneAccess.Read, access);
        Assert.False(access.CanChange());
        Assert.False(access.CanKeepNotes());
    }

    [Fact]
    public void Notes_are_allowed_to_those_who_change_and_to_analysts()
    {
        Assert.True(MilestoneAccess.Change.CanKeepNotes());
        Assert.True(MilestoneAccess.Notes.CanKeepNotes());
        Assert.False(MilestoneAccess.Notes.CanChange());
        Assert.False(MilestoneAccess.Read.CanKeepNotes());
    }
}
