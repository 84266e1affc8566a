using System.Net;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Security;

/// <summary>Whoever holds a session must prove again who they are before turning two-factor off or making new recovery
/// codes, and a wrong current password on the account page counts like a wrong sign-in.</summary>
[Collection(PortalTests.Name)]
public class ReauthenticationTests(PortalFactory factory)
{
    private const string WrongPassword = "definitely not my password";

    private async Task<(string Id, string Email, PortalClient Client, string Key, IReadOnlyList<string> Codes)> WithTwoFactorAsync()
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        var client = await factory.SignInAsync(email, Accounts.Password);
        var (key, codes) = await Accounts.EnableTwoFactorAsync(client);
        return (id, email, client, key, codes);
    }

    private async Task<(bool TwoFactor, int Failed, string? Codes)> StateAsync(string id)
    {
        await using var db = factory.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        var codes = await db.UserTokens.AsNoTracking().Where(t => t.UserId == id && t.Name == "RecoveryCodes").Select(t => t.Value).SingleOrDefaultAsync();
        return (user.TwoFactorEnabled, user.AccessFailedCount, codes);
    }

    [Theory]
    [InlineData("")]
    [InlineData(WrongPassword)]
    [InlineData("000000")]
    public async Task Two_factor_stays_on_when_the_session_cannot_prove_who_it_is(string answer)
    {
        var (id, _, client, _, _) = await WithTwoFactorAsync();
        using var _client = client;

        var response = await client.SubmitFormAsync("/Account/Manage", "#disable-two-factor", new Dictionary<string, string> { ["TurnOff.Secret"] = answer });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.NotEmpty(Accounts.ErrorText(page, "TurnOff_Secret-error"));
        var (twoFactor, failed, _) = await StateAsync(id);
        Assert.True(twoFactor);
        Assert.Equal(answer.Length == 0 ? 0 : 1, failed);
    }

    [Fact]
    public async Task Two_factor_turns_off_with_a_code_from_the_app()
    {
        var (id, _, client, key, _) = await WithTwoFactorAsync();
        using var _client = client;

        var response = await client.SubmitFormAsync("/Account/Manage", "#disable-two-factor", new Dictionary<string, string> { ["TurnOff.Secret"] = Accounts.Code(key, stepsAhead: 1) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await StateAsync(id)).TwoFactor);
    }

    [Fact]
    public async Task New_recovery_codes_need_the_password_and_a_wrong_one_keeps_the_old_codes()
    {
        var (id, _, client, _, codes) = await WithTwoFactorAsync();
        using var _client = client;
        var before = (await StateAsync(id)).Codes;

        var refused = await client.SubmitFormAsync("/Account/Manage", "#regenerate-recovery-codes", new Dictionary<string, string> { ["NewCodes.Secret"] = WrongPassword });

        var page = await PortalClient.ParseAsync(refused);
        Assert.Null(page.QuerySelector("#recovery-codes"));
        Assert.Contains("not right", Accounts.ErrorText(page, "NewCodes_Secret-error"), StringComparison.Ordinal);
        var (_, failed, after) = await StateAsync(id);
        Assert.Equal(before, after);
        Assert.Equal(1, failed);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == id && a.Action == SecurityActions.ReauthenticationFailed));
        Assert.NotEmpty(codes);
    }

    [Fact]
    public async Task A_wrong_current_password_counts_like_a_failed_sign_in_and_five_lock_the_account_and_end_its_sessions()
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        using var other = await factory.SignInAsync(email, Accounts.Password);
        using var client = await factory.SignInAsync(email, Accounts.Password);
        var change = new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = WrongPassword,
            ["Input.NewPassword"] = "a brand new passphrase for testing",
            ["Input.ConfirmPassword"] = "a brand new passphrase for testing",
        };

        for (var i = 1; i <= 4; i++)
        {
            var wrong = await client.SubmitFormAsync("/Account/Manage", "#change-password", change);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Equal(i, (await StateAsync(id)).Failed);
        }

        var fifth = await client.SubmitFormAsync("/Account/Manage", "#change-password", change);

        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.StartsWith("/Account/Login", fifth.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/")).StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync() > DateTimeOffset.UtcNow);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == id && a.Action == SecurityActions.LockedOut));
        using var again = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(email, Accounts.Password)).StatusCode);
    }

    [Fact]
    public async Task A_too_short_new_password_is_answered_the_same_whether_the_current_password_is_right_or_not()
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        using var client = await factory.SignInAsync(email, Accounts.Password);

        async Task<string> AnswerAsync(string current)
        {
            var response = await client.SubmitFormAsync("/Account/Manage", "#change-password", new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = current,
                ["Input.NewPassword"] = "short",
                ["Input.ConfirmPassword"] = "short",
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await PortalClient.ParseAsync(response);
            return page.QuerySelector("#error-summary")!.TextContent.Trim() + "|" + Accounts.ErrorText(page, "Input_CurrentPassword-error") + "|" + Accounts.ErrorText(page, "Input_NewPassword-error");
        }

        var withRight = await AnswerAsync(Accounts.Password);
        var withWrong = await AnswerAsync(WrongPassword);

        Assert.Equal(withRight, withWrong);
        Assert.Contains("15", withRight, StringComparison.Ordinal);
        Assert.Equal(0, (await StateAsync(id)).Failed);
    }
}
