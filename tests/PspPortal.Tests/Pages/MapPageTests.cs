using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Pages.Map;

namespace PspPortal.Tests.Pages;

/// <summary>/Map: every site placed, links only to the sites in scope, filters, and the projection matching d3-geo's.</summary>
[Collection(PortalTests.Name)]
public class MapPageTests(PortalFactory factory)
{
    [Fact]
    public void The_projection_of_a_site_is_d3_geos_to_a_hundredth_of_a_pixel()
    {
        var map = UsMap.Instance;

        Assert.Equal(52, map.States.Count);
        Assert.All(map.Checks, c =>
        {
            var (x, y) = map.Parts[c.Part].Project(c.Lon, c.Lat);
            Assert.Equal(c.X, x, 0.01);
            Assert.Equal(c.Y, y, 0.01);
        });
    }

    [Fact]
    public async Task Every_site_has_coordinates_and_falls_on_the_map()
    {
        await using var db = factory.CreateDbContext();
        // The program's sites (those with a team), not the ones other tests make up.
        var sites = await db.Sites.Where(s => s.TeamMembers.Any()).Select(s => new { s.State, s.Latitude, s.Longitude }).ToListAsync();
        Assert.True(sites.Count >= 64);
        Assert.All(sites, s => Assert.False(s.Latitude == 0 && s.Longitude == 0));

        Assert.All(sites, s =>
        {
            var (x, y) = UsMap.Instance.Project(s.State, s.Latitude, s.Longitude);
            Assert.InRange(x, 0, UsMap.Instance.Width);
            Assert.InRange(y, 0, UsMap.Instance.Height);
        });
    }

    [Fact]
    public async Task A_site_contact_sees_every_site_but_links_only_to_their_own()
    {
        await using var db = factory.CreateDbContext();
        var total = await db.Sites.CountAsync();
        var tampa = await db.Sites.Where(s => s.Name == "Tampa").Select(s => s.Id).SingleAsync();
        using var poc = await factory.SignInAsync(DemoUsers.Poc);
        using var bja = await factory.SignInAsync(DemoUsers.Bja);

        var page = await poc.GetDocumentAsync("/Map");
        var all = await bja.GetDocumentAsync("/Map");

        Assert.Equal(total, page.QuerySelectorAll("#map-sites tbody tr").Length);
        Assert.Equal([$"/Sites/{tampa}"], page.QuerySelectorAll("#site-map a").Select(a => a.GetAttribute("href")).Distinct());
        Assert.Equal([$"/Sites/{tampa}"], page.QuerySelectorAll("#map-sites a").Select(a => a.GetAttribute("href")));
        Assert.Equal(await db.Sites.CountAsync(s => s.Id != tampa && (s.Latitude != 0 || s.Longitude != 0)), page.QuerySelectorAll("#site-map g[role=img]").Length);
        Assert.Equal(await db.Sites.CountAsync(s => s.Latitude != 0 || s.Longitude != 0), all.QuerySelectorAll("#site-map a").Length);
        Assert.Equal(total, all.QuerySelectorAll("#map-sites tbody a").Length);
    }

    [Fact]
    public async Task The_filters_keep_the_sites_of_a_cohort_and_a_status()
    {
        await using var db = factory.CreateDbContext();
        var cohort2024 = await db.Cohorts.Where(c => c.Year == 2024).Select(c => c.Id).SingleAsync();
        using var client = await factory.SignInAsync(DemoUsers.Liaison);

        var cohort = await client.GetDocumentAsync($"/Map?Cohort={cohort2024}");
        var sustainment = await client.GetDocumentAsync("/Map?Status=Sustainment");
        var hostile = await client.GetAsync("/Map?Status=<b>&Cohort=abc");

        // The five 2024 sites of SITES.md.
        Assert.Equal(["DeKalb County", "Pueblo", "Seattle", "Springfield", "Tampa"], cohort.QuerySelectorAll("#map-sites tbody tr td:first-child").Select(td => td.TextContent.Replace("(not one of your sites)", "", StringComparison.Ordinal).Trim()).Order());
        Assert.All(sustainment.QuerySelectorAll("#map-sites tbody tr td:nth-child(4)"), td => Assert.Equal("Sustainment", td.TextContent.Trim()));
        Assert.NotEmpty(sustainment.QuerySelectorAll("#site-map rect.psp-map__site--sustainment"));
        Assert.Empty(sustainment.QuerySelectorAll("#site-map circle.psp-map__site"));
        Assert.Equal(System.Net.HttpStatusCode.OK, hostile.StatusCode);
    }
}
