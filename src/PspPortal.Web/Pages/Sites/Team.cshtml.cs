using FluentValidation;
using Microsoft.AspNetCore.Identity;
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
public class TeamModel(PortalDbContext db, UserManager<PortalUser> userManager, SiteTeams siteTeams, IValidator<TeamModel.InputModel> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public int? MemberId { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string SiteName { get; private set; } = string.Empty;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<(string Id, string Label)> AccountOptions { get; private set; } = [];

    public sealed record MemberRow(int Id, string FullName, SiteTeamRole TeamRole, string? Organization, string? AccountEmail);

    public sealed class InputModel
    {
        public string? UserId { get; set; }
        public SiteTeamRole? TeamRole { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(i => i.UserId).NotEmpty().WithMessage("Choose an account.");
            RuleFor(i => i.TeamRole).NotNull().WithMessage("Choose a team role.").IsInEnum().WithMessage("Choose a team role.");
        }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        var account = await userManager.FindByIdAsync(Input.UserId!);
        if (account is null || account.IsDisabled)
        {
            ModelState.AddModelError("Input.UserId", "Choose an account.");
            return Page();
        }

        StatusMessage = await siteTeams.AddAsync(Id, account, Input.TeamRole!.Value)
            ? $"{account.FullName} is on the team as {SiteTeamRoles.DisplayName(Input.TeamRole.Value)}."
            : $"{account.FullName} already has that place on the team.";
        return RedirectToPage(new { Id });
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
