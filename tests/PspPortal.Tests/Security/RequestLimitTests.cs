using System.Net;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Security;

/// <summary>A form far larger than any the portal has is refused before any page reads it, with the friendly error
/// page (never a 500 from the error page itself), and nothing is stored.</summary>
[Collection(PortalTests.Name)]
public class RequestLimitTests(PortalFactory factory)
{
    private async Task<(PortalClient Client, TtaRequest Request, string Token)> CommentFormAsync()
    {
        var request = await TtaArrange.RequestAsync(factory, "Tampa", TtaStatus.Submitted);
        var liaison = await factory.SignInAsync(DemoUsers.Liaison);
        var token = await liaison.AntiforgeryTokenAsync($"/Tta/{request.Id}");
        return (liaison, request, token);
    }

    private static async Task AssertTooLargePageAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("The form was too large", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("The form you sent was too large", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_five_megabyte_comment_is_refused_with_a_friendly_page_and_nothing_is_stored()
    {
        var (liaison, request, token) = await CommentFormAsync();
        using (liaison)
        {
            var response = await liaison.PostAsync($"/Tta/{request.Id}?handler=Comment", [
                new("__RequestVerificationToken", token),
                new("Comment.Body", new string('a', 5 * 1024 * 1024)),
            ]);

            await AssertTooLargePageAsync(response);
            Assert.Empty((await TtaArrange.ReloadAsync(factory, request.Id)).Comments);
        }
    }

    [Fact]
    public async Task Five_thousand_form_fields_are_refused_with_a_friendly_page_and_nothing_is_stored()
    {
        var (liaison, request, token) = await CommentFormAsync();
        using (liaison)
        {
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("Comment.Body", "A comment among many fields") };
            fields.AddRange(Enumerable.Range(0, 5_000).Select(i => new KeyValuePair<string, string>($"f{i}", "x")));

            var response = await liaison.PostAsync($"/Tta/{request.Id}?handler=Comment", fields);

            await AssertTooLargePageAsync(response);
            Assert.Empty((await TtaArrange.ReloadAsync(factory, request.Id)).Comments);
        }
    }

    [Fact]
    public async Task A_comment_of_the_longest_allowed_length_in_any_script_still_goes_through()
    {
        var (liaison, request, token) = await CommentFormAsync();
        using (liaison)
        {
            // 4,000 characters of three-byte UTF-8, percent-encoded: about 36 KB on the wire.
            var body = new string('\u20AC', 4_000);

            var response = await liaison.PostAsync($"/Tta/{request.Id}?handler=Comment", [new("__RequestVerificationToken", token), new("Comment.Body", body)]);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(body, Assert.Single((await TtaArrange.ReloadAsync(factory, request.Id)).Comments).Body);
        }
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task The_error_page_never_reads_a_form_and_takes_its_code_from_the_query(string method)
    {
        using var client = factory.CreatePortalClient();
        using var message = new HttpRequestMessage(new HttpMethod(method), "/Error?code=404");
        // Were the form read, its code would win over the query string's.
        message.Content = new FormUrlEncodedContent([new("code", "500")]);

        var response = await client.Http.SendAsync(message);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await PortalClient.ParseAsync(response)).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public void The_server_limits_are_set_for_a_portal_without_uploads()
    {
        var kestrel = (Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>)
            factory.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>))!;
        var form = (Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Features.FormOptions>)
            factory.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Features.FormOptions>))!;

        Assert.Equal(Web.Infrastructure.RequestLimits.MaxBodyBytes, kestrel.Value.Limits.MaxRequestBodySize);
        Assert.Equal(Web.Infrastructure.RequestLimits.MaxFormFields, form.Value.ValueCountLimit);
        Assert.Equal(Web.Infrastructure.RequestLimits.MaxFieldBytes, form.Value.ValueLengthLimit);
        Assert.Equal(Web.Infrastructure.RequestLimits.MaxBodyBytes, form.Value.MultipartBodyLengthLimit);
    }
}
