using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PspPortal.Web.Data;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Identity's sign-in manager, except that a disabled account cannot sign in by any path (password,
/// authenticator code, recovery code, refreshed sign-in), and that every password sign-in verifies exactly one
/// password hash, whether the account exists, is disabled, is locked out or not: the time an answer takes does not
/// tell which.</summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly PortalUser Nobody = new() { FullName = "Nobody", UserName = "nobody" };
    private static string? s_nobodysHash;

    public override async Task<bool> CanSignInAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }

    /// <summary>Signs in with a password the account found by its email, or, when there is none, spends the same
    /// work on a placeholder and fails.</summary>
    public async Task<SignInResult> PasswordSignInAsync(PortalUser? user, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (user is null)
        {
            VerifyPlaceholder(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
    }

    /// <summary>Identity answers a disabled or locked-out account without looking at the password, which makes that
    /// answer quicker than a wrong password's; the placeholder's hash is verified first so that it is not.</summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(PortalUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        if (!await CanSignInAsync(user) || (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user)))
        {
            VerifyPlaceholder(password);
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// <summary>Verifies the password against the hash of a random password made once per process, with the same
    /// hasher (and so the same work) as a real account's.</summary>
    private void VerifyPlaceholder(string password)
    {
        var hash = s_nobodysHash ??= UserManager.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        _ = UserManager.PasswordHasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
