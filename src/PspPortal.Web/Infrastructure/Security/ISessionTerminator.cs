namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Ends every signed-in session of an account (used when an administrator disables it). The session store
/// (Infrastructure/Security/UserSessions) implements it; until it is registered, <see cref="NoSessionTerminator"/> stands in
/// and the changed security stamp ends the sessions at the cookie's next validation.</summary>
public interface ISessionTerminator
{
    Task EndSessionsForUserAsync(string userId, CancellationToken cancellationToken = default);
}

public sealed class NoSessionTerminator : ISessionTerminator
{
    public Task EndSessionsForUserAsync(string userId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
