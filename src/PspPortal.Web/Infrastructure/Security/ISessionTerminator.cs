using System.Security.Claims;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Ends server-side sessions of an account, so that their cookies stop working at once: when an administrator
/// disables an account or changes its role (a session's cookie carries the roles it was signed in with). Implemented by
/// <see cref="UserSessions"/>.</summary>
public interface ISessionTerminator
{
    /// <summary>Ends every session of the account.</summary>
    Task EndSessionsForUserAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Ends every session of the signed-in <paramref name="user"/> except the one of this request.</summary>
    Task EndOtherSessionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
