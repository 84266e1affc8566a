using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Api;

/// <summary>Cursor paging: every row exactly once across pages, even when rows are added between pages; a cursor that
/// was changed, or belongs to another list, is a 400 with a problem details body.</summary>
[Collection(ApiTests.Name)]
public class ApiPagingTests(ApiFactory factory)
{
    private static async Task<(List<int> Ids, string? Next)> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ([.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())], json.RootElement.GetProperty("next").GetString());
    }

    [Fact]
    public async Task Every_row_comes_exactly_once_even_when_rows_are_added_between_pages()
    {
        using var client = factory.ApiClient(await factory.TokenForAsync(DemoUsers.Bja));
        var seen = new List<int>();
        var (ids, next) = await PageAsync(client, "/api/v1/sites?limit=7");
        Assert.Equal(7, ids.Count);
        seen.AddRange(ids);
        var added = new List<int>();
        var pages = 1;
        while (next is not null)
        {
            // A new site between every two pages: it sorts after every id already given out, so it comes once, later.
            using (var db = factory.CreateDbContext())
            {
                if (added.Count < 3)
                {
                    var site = new Site { Name = $"Paging test {Guid.NewGuid():N}", State = "KS" };
                    db.Sites.Add(site);
                    await db.SaveChangesAsync();
                    added.Add(site.Id);
                }
            }

            (ids, next) = await PageAsync(client, $"/api/v1/sites?limit=7&cursor={Uri.EscapeDataString(next)}");
            seen.AddRange(ids);
            pages++;
        }

        List<int> all;
        using (var db = factory.CreateDbContext())
        {
            all = await db.Sites.Select(s => s.Id).OrderBy(i => i).ToListAsync();
            await db.Sites.Where(s => added.Contains(s.Id)).ExecuteDeleteAsync();
        }

        Assert.True(pages > 3);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(all, seen);
        Assert.Subset(seen.ToHashSet(), added.ToHashSet());
    }

    [Theory]
    [InlineData("cursor=nonsense")]
    [InlineData("cursor=CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("limit=abc")]
    [InlineData("limit=0")]
    [InlineData("site=abc")]
    [InlineData("status=Lost")]
    [InlineData("updatedSince=yesterday")]
    public async Task A_tampered_cursor_or_a_value_that_does_not_parse_is_400_problem_details(string query)
    {
        using var client = factory.ApiClient(await factory.TokenForAsync(DemoUsers.Liaison));
        var response = await client.GetAsync(new Uri("/api/v1/requests?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.True(json.RootElement.GetProperty("errors").EnumerateObject().Any());
    }

    [Fact]
    public async Task A_cursor_changed_by_one_character_or_moved_to_another_list_is_400()
    {
        using var client = factory.ApiClient(await factory.TokenForAsync(DemoUsers.Admin));
        var (_, next) = await PageAsync(client, "/api/v1/sites?limit=2");
        Assert.NotNull(next);
        var changed = next[..^3] + (next[^3] == 'A' ? 'B' : 'A') + next[^2..];
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"/api/v1/sites?cursor={Uri.EscapeDataString(changed)}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"/api/v1/requests?cursor={Uri.EscapeDataString(next)}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/v1/sites?cursor={Uri.EscapeDataString(next)}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Json_is_camel_case_with_enums_as_words_and_iso_dates()
    {
        using var client = factory.ApiClient(await factory.TokenForAsync(DemoUsers.Liaison));
        var body = await client.GetStringAsync(new Uri("/api/v1/requests?limit=1", UriKind.Relative));
        using var json = JsonDocument.Parse(body);
        var item = json.RootElement.GetProperty("items")[0];
        Assert.True(Enum.TryParse<TtaStatus>(item.GetProperty("status").GetString(), out _));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", item.GetProperty("neededBy").GetString()!);
        Assert.EndsWith("+00:00", item.GetProperty("updatedAt").GetString()!, StringComparison.Ordinal);
    }
}
