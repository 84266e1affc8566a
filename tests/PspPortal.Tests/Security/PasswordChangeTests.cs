using System.Net;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Security;

[Collection(PortalTests.Name)]
public class PasswordChangeTests(PortalFactory factory)
{
    [Theory]
    [InlineData("short but ok", "at least 15 characters")]
    [InlineData("1qaz2wsx3edc4rfv", "data breaches")]
    [InlineData("{local} is my password", "email address")]
    public async Task A_weak_new_password_is_refused_with_the_reason_next_to_the_field(string newPassword, string reason)
    {
        var (_, email) = await Accounts.CreateAsync(factory);
        newPassword = newPassword.Replace("{local}", email.Split('@')[0], StringComparison.Ordinal);
        using var client = await factory.SignInAsync(email, Accounts.Password);

        var response = await ChangeAsync(client, Accounts.Password, newPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(reason, Accounts.ErrorText(page, "Input_NewPassword-error"), StringComparison.Ordinal);
        Assert.Contains(reason, page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        // The old password still works.
        using var again = await factory.SignInAsync(email, Accounts.Password);
    }

    [Fact]
    public async Task A_good_new_password_is_accepted_and_signs_out_the_other_sessions_only()
    {
        var (_, email) = await Accounts.CreateAsync(factory);
        using var other = await factory.SignInAsync(email, Accounts.Password);
        using var client = await factory.SignInAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/")).StatusCode);
        const string newPassword = "copper kettle on a quiet morning";

        var response = await ChangeAsync(client, Accounts.Password, newPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var manage = await client.GetDocumentAsync("/Account/Manage");
        Assert.Contains("Your password has been changed", manage.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var otherNow = await other.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, otherNow.StatusCode);
        Assert.StartsWith("/Account/Login", otherNow.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var withNew = await factory.SignInAsync(email, newPassword);
    }

    private static async Task<HttpResponseMessage> ChangeAsync(PortalClient client, string current, string newPassword) =>
        await client.SubmitFormAsync("/Account/Manage", "#change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
}
