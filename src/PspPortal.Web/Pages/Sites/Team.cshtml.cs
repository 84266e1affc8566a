using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Sites;

/// <summary>A site's team: who is on it with which team role, and which accounts the places give scope to.
/// BJA staff and administrators manage it (policy ManageSiteTeams, set by convention).</summary>
public class TeamModel(PortalDbContext db, SiteTeams siteTeams, IValidator<TeamPlaceInput> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public TeamPlaceInput Input { get; set; } = new();

    [BindProperty]
    public int? MemberId { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string SiteName { get; private set; } = string.Empty;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<(string Id, string Label)> AccountOptions { get; private set; } = [];

    public sealed record MemberRow(int Id, string FullName, SiteTeamRole TeamRole, string? Organization, string? AccountEmail);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        // The site is this page's, whatever the form says.
        Input.SiteId = Id;
        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        var (outcome, account) = await siteTeams.AddAsync(Input, HttpContext.RequestAborted);
        switch (outcome)
        {
            case TeamPlaceOutcome.NoSuchAccount:
                ModelState.AddModelError("Input.UserId", "Choose an account.");
                return Page();
            case TeamPlaceOutcome.NoSuchSite:
                return NotFound();
            default:
                StatusMessage = outcome == TeamPlaceOutcome.Added
                    ? $"{account!.FullName} is on the team as {SiteTeamRoles.DisplayName(Input.TeamRole!.Value)}."
                    : $"{account!.FullName} already has that place on the team.";
                return RedirectToPage(new { Id });
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        var member = await siteTeams.RemoveFromSiteAsync(Id, MemberId);
        if (member is null)
        {
            return NotFound();
        }

        StatusMessage = $"{member.FullName} is no longer on the team as {SiteTeamRoles.DisplayName(member.TeamRole)}.";
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync()
    {
        var site = await db.Sites.AsNoTracking().Where(s => s.Id == Id).Select(s => new { s.Name, s.State }).SingleOrDefaultAsync();
        if (site is null)
        {
            return false;
        }

        SiteName = $"{site.Name}, {site.State}";
        Members = await db.SiteTeamMembers.AsNoTracking()
            .Where(m => m.SiteId == Id)
            .OrderBy(m => m.TeamRole).ThenBy(m => m.FullName)
            .Select(m => new MemberRow(m.Id, m.FullName, m.TeamRole, m.Organization, db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).FirstOrDefault()))
            .ToListAsync();
        AccountOptions = (await db.Users.AsNoTracking()
                .Where(u => !u.IsDisabled)
                .OrderBy(u => u.FullName)
                .Select(u => new { u.Id, u.FullName, u.Email })
                .ToListAsync())
            .Select(u => (u.Id, $"{u.FullName} ({u.Email})"))
            .ToList();
        return true;
    }
}
