using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Security;

[Collection(PortalTests.Name)]
public partial class TwoFactorTests(PortalFactory factory)
{
    [Fact]
    public async Task Set_up_shows_a_qr_code_drawn_here_and_the_key_in_groups_of_four()
    {
        var (_, email) = await Accounts.CreateAsync(factory);
        using var client = await factory.SignInAsync(email, Accounts.Password);

        var manage = await client.GetDocumentAsync("/Account/Manage");

        var qr = manage.QuerySelector(".psp-qr-code svg");
        Assert.NotNull(qr);
        Assert.DoesNotContain("http", qr.QuerySelectorAll("[href],[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")));
        Assert.Matches(KeyInGroups(), manage.QuerySelector("#authenticator-key")!.TextContent.Trim());
        Assert.Equal("Authentication code", manage.QuerySelector("label[for='TwoFactor_Code']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Looking_at_the_set_up_keeps_the_security_stamp_so_other_sessions_stay_signed_in()
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        using var client = await factory.SignInAsync(email, Accounts.Password);
        string? Stamp()
        {
            using var db = factory.CreateDbContext();
            return db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).Single();
        }

        var before = Stamp();
        var first = (await client.GetDocumentAsync("/Account/Manage")).QuerySelector("#authenticator-key")!.TextContent;
        var second = (await client.GetDocumentAsync("/Account/Manage")).QuerySelector("#authenticator-key")!.TextContent;

        Assert.Equal(before, Stamp());
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_wrong_code_does_not_turn_two_factor_on()
    {
        var (_, email) = await Accounts.CreateAsync(factory);
        using var client = await factory.SignInAsync(email, Accounts.Password);
        var key = (await client.GetDocumentAsync("/Account/Manage")).QuerySelector("#authenticator-key")!.TextContent;
        var wrong = Accounts.Code(key, stepsAhead: 10);

        var response = await client.SubmitFormAsync("/Account/Manage", "#enable-two-factor", new Dictionary<string, string> { ["TwoFactor.Code"] = wrong });

        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("not right", Accounts.ErrorText(page, "TwoFactor_Code-error"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#enable-two-factor"));
        using var again = await factory.SignInAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task With_two_factor_on_sign_in_takes_an_authenticator_code_which_works_once_only()
    {
        var (_, email) = await Accounts.CreateAsync(factory);
        string key;
        using (var setUp = await factory.SignInAsync(email, Accounts.Password))
        {
            (key, _) = await Accounts.EnableTwoFactorAsync(setUp);
        }

        using var client = await Accounts.PasswordStepAsync(factory, email);
        // The password alone does not sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        var step = await client.GetDocumentAsync("/Account/LoginWith2fa");
        Assert.Equal("Authentication code", step.QuerySelector("label[for='Input_Code']")!.TextContent.Trim());
        // The code used to turn two-factor on was this time step's, so the next step's code is the first unused one.
        var code = Accounts.Code(key, stepsAhead: 1);

        var signedIn = await client.SubmitFormAsync("/Account/LoginWith2fa", "main form", new Dictionary<string, string> { ["Input.Code"] = code });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        using var replay = await Accounts.PasswordStepAsync(factory, email);
        var replayed = await replay.SubmitFormAsync("/Account/LoginWith2fa", "main form", new Dictionary<string, string> { ["Input.Code"] = code });

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("used already", Accounts.ErrorText(await PortalClient.ParseAsync(replayed), "Input_Code-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await replay.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Two_factor_set_up_and_sign_in_with_a_code_are_security_events()
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        string key;
        using (var setUp = await factory.SignInAsync(email, Accounts.Password))
        {
            (key, _) = await Accounts.EnableTwoFactorAsync(setUp);
        }

        using var client = await Accounts.PasswordStepAsync(factory, email);
        await client.SubmitFormAsync("/Account/LoginWith2fa", "main form", new Dictionary<string, string> { ["Input.Code"] = Accounts.Code(key, stepsAhead: 40) });
        await client.SubmitFormAsync("/Account/LoginWith2fa", "main form", new Dictionary<string, string> { ["Input.Code"] = Accounts.Code(key, stepsAhead: 1) });

        await using var db = factory.CreateDbContext();
        var events = await db.AuditEntries.Where(e => e.UserId == id && e.Kind == "Security").OrderBy(e => e.Id)
            .Select(e => new { e.Action, e.Details }).ToListAsync();
        Assert.Contains(events, e => e.Action == "TwoFactorEnabled");
        Assert.Contains(events, e => e.Action == "SignInFailed" && e.Details == "Wrong authenticator code.");
        Assert.Contains(events, e => e.Action == "SignInSucceeded" && e.Details == "With an authenticator code.");
    }

    [Fact]
    public async Task An_account_disabled_between_password_and_code_cannot_finish_signing_in()
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        string key;
        using (var setUp = await factory.SignInAsync(email, Accounts.Password))
        {
            (key, _) = await Accounts.EnableTwoFactorAsync(setUp);
        }

        using var client = await Accounts.PasswordStepAsync(factory, email);
        await using (var db = factory.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set => set.SetProperty(u => u.IsDisabled, true));
        }

        var response = await client.SubmitFormAsync("/Account/LoginWith2fa", "main form", new Dictionary<string, string> { ["Input.Code"] = Accounts.Code(key, stepsAhead: 1) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only()
    {
        var (_, email) = await Accounts.CreateAsync(factory);
        IReadOnlyList<string> codes;
        using (var setUp = await factory.SignInAsync(email, Accounts.Password))
        {
            (_, codes) = await Accounts.EnableTwoFactorAsync(setUp);
        }

        using var client = await Accounts.PasswordStepAsync(factory, email);
        var signedIn = await client.SubmitFormAsync("/Account/LoginWithRecoveryCode", "main form", new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var manage = await client.GetDocumentAsync("/Account/Manage");
        Assert.Contains("9 recovery codes left", manage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var again = await Accounts.PasswordStepAsync(factory, email);
        var reused = await again.SubmitFormAsync("/Account/LoginWithRecoveryCode", "main form", new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });

        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones_and_two_factor_can_be_turned_off()
    {
        var (_, email) = await Accounts.CreateAsync(factory);
        using var client = await factory.SignInAsync(email, Accounts.Password);
        var (_, first) = await Accounts.EnableTwoFactorAsync(client);

        var regenerated = await client.SubmitFormAsync("/Account/Manage", "#regenerate-recovery-codes", new Dictionary<string, string> { ["NewCodes.Secret"] = Accounts.Password });
        var second = (await PortalClient.ParseAsync(regenerated)).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, second.Count);
        Assert.Empty(second.Intersect(first));
        // Shown once: the page does not show them again.
        Assert.Null((await client.GetDocumentAsync("/Account/Manage")).QuerySelector("#recovery-codes"));

        var off = await client.SubmitFormAsync("/Account/Manage", "#disable-two-factor", new Dictionary<string, string> { ["TurnOff.Secret"] = Accounts.Password });

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        using var passwordOnly = await factory.SignInAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await passwordOnly.GetAsync("/")).StatusCode);
    }

    [GeneratedRegex("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$")]
    private static partial Regex KeyInGroups();
}
