using System.Net;
using AngleSharp.Dom;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Pages;

[Collection(PortalTests.Name)]
public class SignInTests(PortalFactory factory)
{
    [Theory]
    [MemberData(nameof(DemoUsers.All), MemberType = typeof(DemoUsers))]
    public async Task Every_demo_account_signs_in_and_reaches_its_home(string email)
    {
        using var client = await factory.SignInAsync(email);

        var home = await client.GetDocumentAsync("/");

        Assert.Contains(email, home.QuerySelector("header.usa-header")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector("form[action='/Account/Logout'] button"));
        Assert.Equal("Sign out", home.QuerySelector("form[action='/Account/Logout'] button")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_whether_the_account_exists()
    {
        using var client = factory.CreatePortalClient();

        var wrongPassword = await client.SignInAsync(DemoUsers.Poc, "not-the-right-password-at-all");
        var noAccount = await client.SignInAsync("nobody@psp.example", "not-the-right-password-at-all");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        var first = await PortalClient.ParseAsync(wrongPassword);
        var second = await PortalClient.ParseAsync(noAccount);
        Assert.Contains("not right", first.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(first.QuerySelector("#error-summary")!.TextContent, second.QuerySelector("#error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_empty_form_gets_a_message_next_to_each_field()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.SignInAsync(string.Empty, string.Empty);

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Enter your email address.", page.QuerySelector("#Input_Email-error")!.TextContent);
        Assert.Equal("Enter your password.", page.QuerySelector("#Input_Password-error")!.TextContent);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Sites")]
    [InlineData("/Cohorts")]
    [InlineData("/Account/Manage")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string url)
    {
        using var client = factory.CreatePortalClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_never_redirects_to_another_site()
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetDocumentAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var response = await client.PostAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = DemoUsers.Poc,
            ["Input.Password"] = PortalFactory.DemoPassword,
            ["ReturnUrl"] = "//evil.example/",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_is_a_post_that_ends_the_session()
    {
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var response = await client.SubmitFormAsync("/", "form[action='/Account/Logout']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Health_check_answers_anonymously()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
