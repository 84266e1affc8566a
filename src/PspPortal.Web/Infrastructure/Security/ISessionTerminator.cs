namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Ends every server-side session of an account, so that its cookies stop working at once (used when an
/// administrator disables an account). Implemented by <see cref="UserSessions"/>.</summary>
public interface ISessionTerminator
{
    Task EndSessionsForUserAsync(string userId, CancellationToken cancellationToken = default);
}
