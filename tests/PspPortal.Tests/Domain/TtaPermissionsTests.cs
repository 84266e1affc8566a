using PspPortal.Web.Domain;

namespace PspPortal.Tests.Domain;

public class TtaPermissionsTests
{
    private static readonly TtaAction[] SiteSide = [TtaAction.Submit, TtaAction.Respond, TtaAction.Withdraw];

    public static TheoryData<string, TtaAction, bool> EveryRoleWithEveryAction()
    {
        var data = new TheoryData<string, TtaAction, bool>();
        foreach (var role in Roles.All)
        {
            foreach (var action in Enum.GetValues<TtaAction>())
            {
                foreach (var inScope in new[] { true, false })
                {
                    data.Add(role, action, inScope);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRoleWithEveryAction))]
    public void Each_role_may_take_what_the_capability_table_gives_it(string role, TtaAction action, bool inScope)
    {
        var expected = SiteSide.Contains(action)
            ? inScope && role is Roles.SiteContact or Roles.Liaison
            : role == Roles.BjaStaff || (inScope && role == Roles.Liaison);

        Assert.Equal(expected, TtaPermissions.MayTake(action, [role], inScope));
    }

    [Theory]
    [InlineData(Roles.Administrator, false)]
    [InlineData(Roles.BjaStaff, true)]
    [InlineData(Roles.Champion, true)]
    [InlineData(Roles.Liaison, true)]
    [InlineData(Roles.Analyst, true)]
    [InlineData(Roles.SiteContact, true)]
    public void Everyone_but_the_administrator_comments_within_scope(string role, bool mayComment)
    {
        Assert.Equal(mayComment, TtaPermissions.MayComment([role], siteInScope: true));
        Assert.False(TtaPermissions.MayComment([role], siteInScope: false));
    }

    [Fact]
    public void Allowed_actions_are_those_of_the_present_state_the_user_may_take()
    {
        Assert.Equal([TtaAction.Approve, TtaAction.Decline, TtaAction.AskForInformation], TtaPermissions.AllowedActions(TtaStatus.InReview, [Roles.BjaStaff], true));
        Assert.Equal([TtaAction.Withdraw], TtaPermissions.AllowedActions(TtaStatus.InReview, [Roles.SiteContact], true));
        Assert.Equal([TtaAction.Approve, TtaAction.Decline, TtaAction.AskForInformation, TtaAction.Withdraw], TtaPermissions.AllowedActions(TtaStatus.InReview, [Roles.Liaison], true));
        Assert.Empty(TtaPermissions.AllowedActions(TtaStatus.InReview, [Roles.Administrator], true));
        Assert.Empty(TtaPermissions.AllowedActions(TtaStatus.Closed, [Roles.Liaison], true));
    }
}
