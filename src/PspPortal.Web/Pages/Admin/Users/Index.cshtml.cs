using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Admin.Users;

public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    public static IReadOnlyList<(string Value, string Label)> Statuses { get; } =
    [
        ("active", "Active"), ("disabled", "Disabled"), ("locked", "Locked out"), ("never", "Never signed in"),
    ];

    /// <summary>The filter, bound from the query string (named like the form's fields), so a view can be bookmarked.</summary>
    [FromQuery]
    public FilterModel Filter { get; set; } = new();

    [FromQuery(Name = PagerModel.QueryName)]
    public int PageNumber { get; set; } = 1;

    public int TotalCount { get; private set; }
    public PagerModel Pager { get; private set; } = null!;
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public sealed class FilterModel
    {
        /// <summary>Text in the name or email.</summary>
        public string? Q { get; set; }

        public string? Role { get; set; }

        /// <summary>One of <see cref="Statuses"/>' values; anything else filters nothing.</summary>
        public string? Status { get; set; }

        /// <summary>The filter as query-string values, for links that keep it.</summary>
        public Dictionary<string, string?> ToQuery() => new() { ["q"] = Q, ["role"] = Role, ["status"] = Status };
    }

    public sealed record UserRow(string Id, string FullName, string? Email, string? Role, bool IsDisabled, bool IsLockedOut, DateTime? LastSignInAt, int TeamPlaces);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var locked = await UserQueries.LockedOutUserIdsAsync(db, now, cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Filter.Q))
        {
            var q = Filter.Q.Trim();
            users = users.Where(u => u.FullName.Contains(q) || u.Email!.Contains(q));
        }

        if (Filter.Role is { } role && Roles.All.Contains(role))
        {
            var roleUsers = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == role select ur.UserId;
            users = users.Where(u => roleUsers.Contains(u.Id));
        }

        users = Filter.Status switch
        {
            "active" => users.Where(u => !u.IsDisabled),
            "disabled" => users.Where(u => u.IsDisabled),
            "locked" => users.Where(u => locked.Contains(u.Id)),
            "never" => users.Where(u => u.LastSignInAt == null),
            _ => users,
        };

        TotalCount = await users.CountAsync(cancellationToken);
        Pager = new PagerModel(PageNumber, TotalCount, PageSize, "/Admin/Users", Filter.ToQuery(), "Pages of user accounts");
        var page = await users
            .OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(u => new { u.Id, u.FullName, u.Email, u.IsDisabled, u.LastSignInAt, TeamPlaces = db.SiteTeamMembers.Count(m => m.UserId == u.Id) })
            .ToListAsync(cancellationToken);
        var roles = await UserQueries.RolesOfAsync(db, [.. page.Select(u => u.Id)], cancellationToken);
        Rows = [.. page.Select(u => new UserRow(u.Id, u.FullName, u.Email, roles.GetValueOrDefault(u.Id), u.IsDisabled, locked.Contains(u.Id), u.LastSignInAt, u.TeamPlaces))];
    }
}
