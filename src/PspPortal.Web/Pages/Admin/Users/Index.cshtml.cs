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

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryName)]
    public int PageNumber { get; set; } = 1;

    public int TotalCount { get; private set; }
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public sealed record UserRow(string Id, string FullName, string? Email, string? Role, bool IsDisabled, bool IsLockedOut, DateTime? LastSignInAt, int TeamPlaces);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var locked = await UserQueries.LockedOutUserIdsAsync(db, now, cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            users = users.Where(u => u.FullName.Contains(q) || u.Email!.Contains(q));
        }

        if (Role is not null && Roles.All.Contains(Role))
        {
            var roleUsers = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Role select ur.UserId;
            users = users.Where(u => roleUsers.Contains(u.Id));
        }

        users = Status switch
        {
            "active" => users.Where(u => !u.IsDisabled),
            "disabled" => users.Where(u => u.IsDisabled),
            "locked" => users.Where(u => locked.Contains(u.Id)),
            "never" => users.Where(u => u.LastSignInAt == null),
            _ => users,
        };

        TotalCount = await users.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = await users
            .OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.FullName, u.Email, u.IsDisabled, u.LastSignInAt, TeamPlaces = db.SiteTeamMembers.Count(m => m.UserId == u.Id) })
            .ToListAsync(cancellationToken);
        var roles = await UserQueries.RolesOfAsync(db, [.. page.Select(u => u.Id)], cancellationToken);
        Rows = [.. page.Select(u => new UserRow(u.Id, u.FullName, u.Email, roles.GetValueOrDefault(u.Id), u.IsDisabled, locked.Contains(u.Id), u.LastSignInAt, u.TeamPlaces))];
    }

    public Dictionary<string, string> RouteFor(int page) => PagerModel.Query(page, ("q", Q), ("role", Role), ("status", Status));
}
