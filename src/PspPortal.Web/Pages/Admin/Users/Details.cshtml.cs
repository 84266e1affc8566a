using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;
using PspPortal.Web.Infrastructure.Security;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Admin.Users;

/// <summary>One account: its role, its site-team places, disable and re-enable, a new set-password link.</summary>
public class DetailsModel(
    PortalDbContext db,
    UserManager<PortalUser> userManager,
    SignInManager<PortalUser> signInManager,
    SecurityAuditor auditor,
    ISessionTerminator sessions,
    SiteTeams siteTeams,
    IValidator<TeamPlaceInput> placeValidator,
    PublicUrls publicUrls,
    TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public string? NewRole { get; set; }

    [BindProperty]
    public TeamPlaceInput Place { get; set; } = new();

    [BindProperty]
    public int? PlaceId { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? SetPasswordLink { get; private set; }

    public PortalUser Account { get; private set; } = null!;
    public string? Role { get; private set; }
    public bool IsLockedOut { get; private set; }
    public bool IsSelf { get; private set; }
    public IReadOnlyList<TeamPlaceRow> TeamPlaces { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> SiteOptions { get; private set; } = [];

    public sealed record TeamPlaceRow(int Id, int SiteId, string Site, SiteTeamRole TeamRole);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostRoleAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (NewRole is null || !Roles.All.Contains(NewRole))
        {
            ModelState.AddModelError(nameof(NewRole), "Choose a role.");
            return Page();
        }

        if (IsSelf && NewRole != Roles.Administrator)
        {
            ModelState.AddModelError(nameof(NewRole), "You cannot take the Administrator role from your own account.");
            return Page();
        }

        var current = await userManager.GetRolesAsync(Account);
        if (current.Count == 1 && current[0] == NewRole)
        {
            StatusMessage = "The role is unchanged.";
            return RedirectToPage(new { Id });
        }

        Check(await userManager.RemoveFromRolesAsync(Account, current));
        Check(await userManager.AddToRoleAsync(Account, NewRole));

        // A session's cookie carries the roles it was signed in with, and the security stamp is checked only every
        // minute: the account's sessions end now, so that its very next request is signed out and nothing is done
        // under the old role. An administrator changing their own role keeps this session, signed in again with the
        // new role, and their other sessions end.
        Check(await userManager.UpdateSecurityStampAsync(Account));
        if (IsSelf)
        {
            await signInManager.RefreshSignInAsync(Account);
            await sessions.EndOtherSessionsAsync(User, HttpContext.RequestAborted);
        }
        else
        {
            await sessions.EndSessionsForUserAsync(Account.Id, HttpContext.RequestAborted);
        }

        foreach (var removed in current)
        {
            await auditor.RecordAsync(SecurityActions.RoleRemoved, details: $"{removed} from {Account.Email}.");
        }

        await auditor.RecordAsync(SecurityActions.RoleAdded, details: $"{NewRole} to {Account.Email}.");
        StatusMessage = IsSelf
            ? $"You are now {Roles.DisplayName(NewRole)}; your other sessions have been signed out."
            : $"{Account.FullName} is now {Roles.DisplayName(NewRole)}; their sessions have been signed out, so the new role applies from their next sign-in.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (IsSelf)
        {
            ModelState.AddModelError(string.Empty, "You cannot disable your own account.");
            return Page();
        }

        Account.IsDisabled = true;
        Check(await userManager.UpdateSecurityStampAsync(Account));
        await sessions.EndSessionsForUserAsync(Account.Id, HttpContext.RequestAborted);
        await auditor.RecordAsync(SecurityActions.AccountDisabled, details: $"{Account.Email} disabled.");
        StatusMessage = $"The account of {Account.FullName} is disabled: it cannot sign in, and its sessions have ended.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Account.IsDisabled = false;
        Check(await userManager.UpdateAsync(Account));
        await auditor.RecordAsync(SecurityActions.AccountEnabled, details: $"{Account.Email} enabled again.");
        StatusMessage = $"The account of {Account.FullName} is enabled again.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostLinkAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        SetPasswordLink = await SetPasswordLinks.CreateAsync(userManager, publicUrls, Account);
        await auditor.RecordAsync(SecurityActions.SetPasswordLinkIssued, details: $"For {Account.Email}.");
        return Page();
    }

    public async Task<IActionResult> OnPostAddPlaceAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        // The account is this page's, whatever the form says.
        Place.UserId = Id;
        var validation = await placeValidator.ValidateAsync(Place);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, nameof(Place));
            return Page();
        }

        var (outcome, _) = await siteTeams.AddAsync(Place, HttpContext.RequestAborted);
        switch (outcome)
        {
            case TeamPlaceOutcome.NoSuchSite:
                ModelState.AddModelError("Place.SiteId", "Choose a site.");
                return Page();
            case TeamPlaceOutcome.NoSuchAccount:
                ModelState.AddModelError(string.Empty, "A disabled account cannot be given a team place; enable it first.");
                return Page();
            default:
                StatusMessage = outcome == TeamPlaceOutcome.Added
                    ? "The team place has been added."
                    : "The account already has that place on that site's team.";
                return RedirectToPage(new { Id });
        }
    }

    public async Task<IActionResult> OnPostRemovePlaceAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (await siteTeams.RemoveFromAccountAsync(Id, PlaceId) is null)
        {
            return NotFound();
        }

        StatusMessage = "The team place has been removed.";
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync()
    {
        var account = await userManager.FindByIdAsync(Id);
        if (account is null)
        {
            return false;
        }

        Account = account;
        Role = (await userManager.GetRolesAsync(account)).Order(StringComparer.Ordinal).FirstOrDefault();
        IsLockedOut = account.LockoutEnd > clock.GetUtcNow();
        IsSelf = account.Id == User.FindFirstValue(ClaimTypes.NameIdentifier);
        TeamPlaces = await db.SiteTeamMembers.AsNoTracking()
            .Where(m => m.UserId == account.Id)
            .OrderBy(m => m.Site!.Name)
            .Select(m => new TeamPlaceRow(m.Id, m.SiteId, m.Site!.Name + ", " + m.Site.State, m.TeamRole))
            .ToListAsync();
        SiteOptions = (await db.Sites.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.State).Select(s => new { s.Id, s.Name, s.State }).ToListAsync())
            .Select(s => (s.Id, $"{s.Name}, {s.State}"))
            .ToList();
        return true;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
