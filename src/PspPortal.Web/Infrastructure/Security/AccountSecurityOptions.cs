namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Sign-in, lockout, session and two-factor settings, bound from the <c>Security</c> section.</summary>
public sealed class AccountSecurityOptions
{
    public const string SectionName = "Security";

    public LockoutSettings Lockout { get; } = new();
    public SignInRateLimitSettings SignInRateLimit { get; } = new();
    public SessionSettings Sessions { get; } = new();

    /// <summary>Roles whose members must turn on two-factor authentication before they can use the portal.</summary>
    public IList<string> RequireTwoFactorForRoles { get; } = [];

    public sealed class LockoutSettings
    {
        /// <summary>Failed sign-ins (password or authentication code) in a row that lock the account.</summary>
        public int MaxFailedAttempts { get; set; } = 5;

        /// <summary>How long a locked account stays locked.</summary>
        public int LockoutMinutes { get; set; } = 15;
    }

    public sealed class SignInRateLimitSettings
    {
        /// <summary>Sign-in form posts allowed from one client address per window.</summary>
        public int PermitLimit { get; set; } = 10;

        public int WindowSeconds { get; set; } = 60;
    }

    public sealed class SessionSettings
    {
        /// <summary>A session unused for this long ends (sliding).</summary>
        public int IdleMinutes { get; set; } = 30;

        /// <summary>A session ends this long after sign-in, however active.</summary>
        public int AbsoluteHours { get; set; } = 12;
    }
}
