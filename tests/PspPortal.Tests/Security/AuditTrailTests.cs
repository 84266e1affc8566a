using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Security;

[Collection(PortalTests.Name)]
public class AuditTrailTests(PortalFactory factory)
{
    [Fact]
    public async Task Admin_creating_a_user_writes_an_added_PortalUser_entry_with_the_admin_as_actor()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);
        var email = $"audit-{Guid.NewGuid():N}@psp.example";

        var response = await admin.SubmitFormAsync("/Admin/Users/New", "main form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Audit Person",
            ["Input.Email"] = email,
            ["Input.Role"] = Roles.Analyst,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var db = factory.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "PortalUser" && a.EntityId == user.Id && a.Action == "Added");
        Assert.Equal(AuditKinds.DataChange, entry.Kind);
        Assert.Equal(DemoUsers.Admin, entry.UserName);
        using var changes = JsonDocument.Parse(entry.Changes!);
        Assert.Equal(email, changes.RootElement.GetProperty("Email").GetProperty("after").GetString());
        Assert.Equal("(changed)", changes.RootElement.GetProperty("SecurityStamp").GetString());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "IdentityUserRole" && a.EntityId!.StartsWith(user.Id) && a.Action == "Added"));
    }

    [Fact]
    public async Task A_changed_milestone_is_recorded_with_its_values_before_and_after()
    {
        int milestoneId;
        string before;
        using (var db = factory.CreateDbContext())
        {
            var milestone = await db.Milestones.OrderBy(m => m.Id).Skip(7).FirstAsync();
            milestoneId = milestone.Id;
            before = milestone.Title;
            milestone.Title = before + " (renamed for audit)";
            milestone.Version = Guid.NewGuid();
            await db.SaveChangesAsync();
        }

        using var check = factory.CreateDbContext();
        var entry = await check.AuditEntries.Where(a => a.EntityType == "EngagementMilestone" && a.EntityId == milestoneId.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == "Modified")
            .OrderByDescending(a => a.Id).FirstAsync();
        using var changes = JsonDocument.Parse(entry.Changes!);
        var title = changes.RootElement.GetProperty("Title");
        Assert.Equal(before, title.GetProperty("before").GetString());
        Assert.Equal(before + " (renamed for audit)", title.GetProperty("after").GetString());
        Assert.False(changes.RootElement.TryGetProperty("DueDate", out _), "Unchanged properties are not recorded.");
    }

    [Fact]
    public async Task A_deleted_row_is_recorded_with_its_values_before()
    {
        int memberId;
        using (var db = factory.CreateDbContext())
        {
            var site = await db.Sites.OrderBy(s => s.Id).Skip(3).FirstAsync();
            var member = new SiteTeamMember { SiteId = site.Id, FullName = "Temporary Member", TeamRole = SiteTeamRole.ExecutiveLeadership };
            db.SiteTeamMembers.Add(member);
            await db.SaveChangesAsync();
            memberId = member.Id;
            db.SiteTeamMembers.Remove(member);
            await db.SaveChangesAsync();
        }

        using var check = factory.CreateDbContext();
        var id = memberId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await check.AuditEntries.Where(a => a.EntityType == "SiteTeamMember" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Added", "Deleted"], entries.Select(e => e.Action));
        using var deleted = JsonDocument.Parse(entries[1].Changes!);
        Assert.Equal("Temporary Member", deleted.RootElement.GetProperty("FullName").GetProperty("before").GetString());
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted()
    {
        using var db = factory.CreateDbContext();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        var details = entry.Details;

        entry.Details = "tampered";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        entry.Details = details;
        db.Entry(entry).State = EntityState.Unchanged;

        db.AuditEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        using var check = factory.CreateDbContext();
        Assert.Equal(details, (await check.AuditEntries.SingleAsync(a => a.Id == entry.Id)).Details);
    }

    [Fact]
    public async Task Secrets_never_reach_the_audit_trail()
    {
        using var db = factory.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == DemoUsers.Analyst);
        var hash = user.PasswordHash!;
        var stamp = user.SecurityStamp!;

        var leaks = await db.AuditEntries.CountAsync(a => a.Changes!.Contains(hash) || a.Changes!.Contains(stamp));

        Assert.Equal(0, leaks);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "PortalUser" && a.Changes!.Contains("\"PasswordHash\":\"(changed)\"")));
    }

    [Fact]
    public async Task Sign_in_success_and_failure_are_security_events()
    {
        var started = DateTime.UtcNow.AddSeconds(-1);
        using (await factory.SignInAsync(DemoUsers.Champion))
        {
        }

        using var client = factory.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Champion, "a wrong password for the audit test");
        await client.SignInAsync("nobody-audit@psp.example", "a wrong password for the audit test");

        using var db = factory.CreateDbContext();
        var events = await db.AuditEntries.Where(a => a.Kind == AuditKinds.Security && a.OccurredAt >= started).ToListAsync();
        Assert.Contains(events, e => e.Action == SecurityActions.SignInSucceeded && e.UserName == DemoUsers.Champion && e.UserId != null);
        Assert.Contains(events, e => e.Action == SecurityActions.SignInFailed && e.UserName == DemoUsers.Champion);
        Assert.Contains(events, e => e.Action == SecurityActions.SignInFailed && e.UserName == "nobody-audit@psp.example" && e.UserId == null);
        Assert.DoesNotContain(events, e => (e.Details ?? string.Empty).Contains("wrong password for the audit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forbidden_page_is_recorded_as_access_denied()
    {
        using var poc = await factory.SignInAsync(DemoUsers.Poc2);

        var response = await poc.GetAsync("/Admin/Audit?q=secret-token");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var db = factory.CreateDbContext();
        var entry = await db.AuditEntries.Where(a => a.Action == SecurityActions.AccessDenied && a.UserName == DemoUsers.Poc2).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal("GET /Admin/Audit", entry.Details);
    }

    [Fact]
    public async Task Audit_page_searches_by_user_and_kind_and_exports_the_same_list_as_csv()
    {
        using (await factory.SignInAsync(DemoUsers.Poc))
        {
        }

        using var bja = await factory.SignInAsync(DemoUsers.Bja);
        var page = await bja.GetDocumentAsync($"/Admin/Audit?user={DemoUsers.Poc}&kind=Security&q=SignInSucceeded");

        var rows = page.QuerySelectorAll("table.usa-table tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(DemoUsers.Poc, r.TextContent, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("SignInSucceeded", r.TextContent, StringComparison.Ordinal));
        var export = page.QuerySelector("a[href*='handler=Export']")!.GetAttribute("href")!;
        Assert.Contains("kind=Security", export, StringComparison.Ordinal);

        var csv = await bja.GetAsync(export);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id,OccurredAtUtc,User,Kind,Action", lines[0], StringComparison.Ordinal);
        Assert.Equal(rows.Length, Math.Min(lines.Length - 1, 50));
        Assert.All(lines.Skip(1), l => Assert.Contains($"{DemoUsers.Poc},Security,SignInSucceeded", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_page_shows_fifty_a_page_newest_first()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);

        var first = await admin.GetDocumentAsync("/Admin/Audit?kind=DataChange");
        var second = await admin.GetDocumentAsync("/Admin/Audit?kind=DataChange&pageNumber=2");

        var times = first.QuerySelectorAll("table.usa-table tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.Equal(50, times.Count);
        Assert.Equal(times.OrderDescending(StringComparer.Ordinal), times);
        var next = second.QuerySelectorAll("table.usa-table tbody tr td:first-child").Select(td => td.TextContent).First();
        Assert.True(string.CompareOrdinal(next, times[^1]) <= 0);
    }

    [Fact]
    public async Task The_application_offers_no_way_to_change_the_audit_trail()
    {
        using var admin = await factory.SignInAsync(DemoUsers.Admin);
        var token = await admin.AntiforgeryTokenAsync("/Admin/Users/New");
        long firstId;
        int count;
        using (var db = factory.CreateDbContext())
        {
            firstId = await db.AuditEntries.MinAsync(a => a.Id);
            count = await db.AuditEntries.CountAsync();
        }

        foreach (var handler in new[] { "", "?handler=Delete", "?handler=Edit" })
        {
            await admin.PostAsync("/Admin/Audit" + handler, [new("__RequestVerificationToken", token), new("id", firstId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        using (var db = factory.CreateDbContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Id == firstId));
            Assert.True(await db.AuditEntries.CountAsync() >= count);
        }

        var page = await admin.GetDocumentAsync("/Admin/Audit");
        Assert.DoesNotContain(page.QuerySelectorAll("form[method=post]"), f => f.GetAttribute("action") != "/Account/Logout");
    }
}
