using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>Places on site teams, added and removed from the account page (/Admin/Users/{id}) and the site-team page
/// (/Sites/{id}/Team). A place gives its account the site's scope (<see cref="AccessScope"/>).</summary>
public sealed class SiteTeams(PortalDbContext db, UserManager<PortalUser> userManager)
{
    public static IReadOnlyList<SiteTeamRole> TeamRoles { get; } = Enum.GetValues<SiteTeamRole>();

    /// <summary>Gives an account a place on a site's team. Each page fixes one side from its route (the site on
    /// /Sites/{id}/Team, the account on /Admin/Users/{id}) and the form chooses the other and the team role.</summary>
    /// <returns>What happened, with the account when it was found.</returns>
    public async Task<(TeamPlaceOutcome Outcome, PortalUser? Account)> AddAsync(TeamPlaceInput place, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(place);
        var account = place.UserId is null ? null : await userManager.FindByIdAsync(place.UserId);
        if (account is null || account.IsDisabled)
        {
            return (TeamPlaceOutcome.NoSuchAccount, null);
        }

        if (place.SiteId is not { } siteId || !await db.Sites.AnyAsync(s => s.Id == siteId, cancellationToken))
        {
            return (TeamPlaceOutcome.NoSuchSite, account);
        }

        var teamRole = place.TeamRole!.Value;
        if (await db.SiteTeamMembers.AnyAsync(m => m.SiteId == siteId && m.UserId == account.Id && m.TeamRole == teamRole, cancellationToken))
        {
            return (TeamPlaceOutcome.AlreadyHeld, account);
        }

        db.SiteTeamMembers.Add(new SiteTeamMember
        {
            SiteId = siteId,
            UserId = account.Id,
            FullName = account.FullName,
            Email = account.Email,
            TeamRole = teamRole,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (TeamPlaceOutcome.Added, account);
    }

    /// <summary>Removes the place if it is on this site's team.</summary>
    /// <returns>The place removed, or null when the site's team has no such place.</returns>
    public Task<SiteTeamMember?> RemoveFromSiteAsync(int siteId, int? placeId, CancellationToken cancellationToken = default) =>
        RemoveAsync(db.SiteTeamMembers.Where(m => m.Id == placeId && m.SiteId == siteId), cancellationToken);

    /// <summary>Removes the place if it is this account's.</summary>
    /// <returns>The place removed, or null when the account has no such place.</returns>
    public Task<SiteTeamMember?> RemoveFromAccountAsync(string userId, int? placeId, CancellationToken cancellationToken = default) =>
        RemoveAsync(db.SiteTeamMembers.Where(m => m.Id == placeId && m.UserId == userId), cancellationToken);

    private async Task<SiteTeamMember?> RemoveAsync(IQueryable<SiteTeamMember> places, CancellationToken cancellationToken)
    {
        var place = await places.SingleOrDefaultAsync(cancellationToken);
        if (place is not null)
        {
            db.SiteTeamMembers.Remove(place);
            await db.SaveChangesAsync(cancellationToken);
        }

        return place;
    }
}

/// <summary>What came of adding a team place.</summary>
public enum TeamPlaceOutcome
{
    Added,
    AlreadyHeld,
    NoSuchSite,
    NoSuchAccount,
}

/// <summary>A place on a site's team as a form gives it: which site, which account, which team role.</summary>
public sealed class TeamPlaceInput
{
    public int? SiteId { get; set; }
    public string? UserId { get; set; }
    public SiteTeamRole? TeamRole { get; set; }

    public sealed class Validator : AbstractValidator<TeamPlaceInput>
    {
        public Validator()
        {
            RuleFor(i => i.SiteId).NotNull().WithMessage("Choose a site.");
            RuleFor(i => i.UserId).NotEmpty().WithMessage("Choose an account.");
            RuleFor(i => i.TeamRole).NotNull().WithMessage("Choose a team role.").IsInEnum().WithMessage("Choose a team role.");
        }
    }
}
