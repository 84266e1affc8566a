namespace PspPortal.Web.Domain;

/// <summary>One line of the audit trail: a change of program data or a security event. Written once, never edited
/// or deleted by the application.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }

    /// <summary>The account that acted; null for the system (seeding, commands) or an anonymous visitor.</summary>
    public string? UserId { get; set; }

    /// <summary>The acting account's email, or the email typed at sign-in for a refused sign-in.</summary>
    public string? UserName { get; set; }

    /// <summary><see cref="AuditKinds.DataChange"/> or <see cref="AuditKinds.Security"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>Added, Modified, Deleted for data; SignInSucceeded, SignInFailed, LockedOut, AccessDenied... for security.</summary>
    public required string Action { get; set; }

    public string? EntityType { get; set; }
    public string? EntityId { get; set; }

    /// <summary>JSON object {property: {before, after}}; secrets appear only as "(changed)".</summary>
    public string? Changes { get; set; }

    public string? IpAddress { get; set; }
    public string? Details { get; set; }
}

public static class AuditKinds
{
    public const string DataChange = nameof(DataChange);
    public const string Security = nameof(Security);

    public static IReadOnlyList<string> All { get; } = [DataChange, Security];
}

/// <summary>The actions of security events.</summary>
public static class SecurityActions
{
    public const string SignInSucceeded = nameof(SignInSucceeded);
    public const string SignInFailed = nameof(SignInFailed);
    public const string LockedOut = nameof(LockedOut);
    public const string SignedOut = nameof(SignedOut);

    /// <summary>A signed-in user was refused something their role may not do (403 or Forbid, from a policy or a page).</summary>
    public const string AccessDenied = nameof(AccessDenied);

    /// <summary>A page answered 404 to a signed-in user: the record does not exist or is outside their scope (the two
    /// look the same to the user, ADR 0004; a run of these is someone probing ids).</summary>
    public const string NotFoundOrOutOfScope = nameof(NotFoundOrOutOfScope);

    public const string PasswordSet = nameof(PasswordSet);
    public const string PasswordChanged = nameof(PasswordChanged);
    public const string TwoFactorEnabled = nameof(TwoFactorEnabled);
    public const string TwoFactorDisabled = nameof(TwoFactorDisabled);
    public const string RecoveryCodesGenerated = nameof(RecoveryCodesGenerated);
    public const string ReauthenticationFailed = nameof(ReauthenticationFailed);
    public const string RoleAdded = nameof(RoleAdded);
    public const string RoleRemoved = nameof(RoleRemoved);
    public const string AccountCreated = nameof(AccountCreated);
    public const string AccountDisabled = nameof(AccountDisabled);
    public const string AccountEnabled = nameof(AccountEnabled);
    public const string SetPasswordLinkIssued = nameof(SetPasswordLinkIssued);
}
