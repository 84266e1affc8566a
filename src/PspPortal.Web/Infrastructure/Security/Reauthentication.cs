using Microsoft.AspNetCore.Identity;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Infrastructure.Security;

public enum ReauthenticationResult
{
    Succeeded,
    Failed,

    /// <summary>Too many failures: the account is locked out and all its sessions, this one included, have ended.</summary>
    LockedOut,
}

/// <summary>
/// Asks a signed-in user to prove again that they are who the session says (the current password, or a code from
/// their authenticator app) before a change that would let whoever holds the session keep the account: changing the
/// password, turning two-factor authentication off, making new recovery codes. A wrong answer counts exactly like a
/// failed sign-in: towards the account's lockout, slowed by <see cref="SignInThrottle"/>, and written to the audit
/// trail; when it locks the account, every session of the account ends at once.
/// </summary>
public sealed class Reauthentication(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    UserSessions sessions,
    SignInThrottle throttle,
    SecurityAuditor auditor,
    IHttpContextAccessor httpContextAccessor)
{
    /// <summary>Checks the current password, or, for six digits, a code from the authenticator app.</summary>
    public async Task<ReauthenticationResult> CheckAsync(PortalUser user, string? passwordOrCode, string purpose)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.IsLockedOutAsync(user))
        {
            return await EndAsync(user);
        }

        var answer = passwordOrCode ?? string.Empty;
        var right = user.TwoFactorEnabled && AuthenticatorCode.IsWellFormed(answer)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Normalize(answer))
            : await users.CheckPasswordAsync(user, answer);
        if (!right)
        {
            return await FailedAsync(user, $"Wrong password or code to {purpose}.");
        }

        await users.ResetAccessFailedCountAsync(user);
        throttle.Succeeded(SignInThrottle.AccountKey(user.Email));
        return ReauthenticationResult.Succeeded;
    }

    /// <summary>Counts a wrong answer (checked by the caller, such as Identity's ChangePasswordAsync) like a failed sign-in.</summary>
    public async Task<ReauthenticationResult> FailedAsync(PortalUser user, string details)
    {
        ArgumentNullException.ThrowIfNull(user);
        var http = httpContextAccessor.HttpContext ?? throw new InvalidOperationException("Re-authentication needs a request.");
        await users.AccessFailedAsync(user);
        var delay = await throttle.SlowFailureAsync(SignInThrottle.AccountKey(user.Email), SignInThrottle.AddressKey(http), http.RequestAborted);
        if (await users.IsLockedOutAsync(user))
        {
            await auditor.RecordAsync(SecurityActions.LockedOut, user.Id, user.Email, "The account is locked out after too many wrong answers on the account page." + SignInThrottle.Describe(delay));
            return await EndAsync(user);
        }

        await auditor.RecordAsync(SecurityActions.ReauthenticationFailed, user.Id, user.Email, details + SignInThrottle.Describe(delay));
        return ReauthenticationResult.Failed;
    }

    private async Task<ReauthenticationResult> EndAsync(PortalUser user)
    {
        await sessions.EndSessionsForUserAsync(user.Id);
        await signIn.SignOutAsync();
        return ReauthenticationResult.LockedOut;
    }
}
