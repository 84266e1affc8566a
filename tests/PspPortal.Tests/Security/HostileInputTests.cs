using System.Net;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Security;

[Collection(PortalTests.Name)]
public class HostileInputTests(PortalFactory factory)
{
    public static TheoryData<string> HostileUrls =>
    [
        "/Admin/Audit?pageNumber=-1",
        "/Admin/Audit?pageNumber=99999999999999999999",
        "/Admin/Audit?pageNumber=abc&page=x&from=not-a-date&to=2026-13-45",
        "/Admin/Audit?from=9999-12-31&to=9999-12-31",
        "/Admin/Audit?from=0001-01-01&to=0001-01-01",
        "/Admin/Audit?kind=%3Cscript%3Ealert(1)%3C%2Fscript%3E&entityType=%27%20OR%201%3D1--",
        "/Admin/Audit?q=%25%27%22%3B--&user=%00",
        "/Admin/Audit?handler=Export&from=garbage&pageNumber=-4",
        "/Admin/Audit?handler=NoSuchHandler",
        "/Admin/Users?pageNumber=2147483647&role=Nope&status=%3Cb%3E",
        "/Admin/Users?q=" + "%F0%9F%92%A5%FF%FE",
        "/Admin/Users/%27%3B%20DROP%20TABLE%20AspNetUsers",
        "/Admin/Users/does-not-exist",
        "/Sites/999999/Team",
        "/Sites/abc/Team",
        "/Account/SetPassword?userId[]=1&code[]=2",
        "/Account/Login?ReturnUrl=javascript:alert(1)",
        "/Account/Login?signedOut=maybe",
    ];

    [Theory]
    [MemberData(nameof(HostileUrls))]
    public async Task A_hostile_query_string_never_causes_a_server_error(string url)
    {
        using var client = await factory.SignInAsync(DemoUsers.Admin);

        var response = await client.GetAsync(url);

        Assert.True((int)response.StatusCode < 500, $"GET {url} answered {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https:evil.example")]
    public async Task Sign_in_refuses_every_form_of_off_site_return_address(string returnUrl)
    {
        using var client = factory.CreatePortalClient();
        var url = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var token = await client.AntiforgeryTokenAsync(url);

        var response = await client.PostAsync(url, [
            new("__RequestVerificationToken", token),
            new("Input.Email", DemoUsers.Poc),
            new("Input.Password", PortalFactory.DemoPassword),
            new("ReturnUrl", returnUrl),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
