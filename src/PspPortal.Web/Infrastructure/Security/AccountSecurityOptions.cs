namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Sign-in, lockout, session and two-factor settings, bound from the <c>Security</c> section.</summary>
public sealed class AccountSecurityOptions
{
    public const string SectionName = "Security";

    public LockoutSettings Lockout { get; } = new();
    public SignInThrottleSettings SignInThrottle { get; } = new();
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

    /// <summary>How guessing is slowed (see <see cref="SignInThrottle"/>). Correct sign-ins are never refused or slowed
    /// by it, however many come from one address; failed ones are answered later and later.</summary>
    public sealed class SignInThrottleSettings
    {
        /// <summary>Failures on one account within <see cref="Window"/> that are answered at once; later ones are slowed.</summary>
        public int FreeFailuresPerAccount { get; set; } = 3;

        /// <summary>Failures from one client address within <see cref="Window"/> that are answered at once; later ones are slowed.</summary>
        public int FreeFailuresPerAddress { get; set; } = 10;

        /// <summary>How long a failure is remembered.</summary>
        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>The wait added to the first slowed failure; each further failure doubles it, up to <see cref="MaxDelay"/>.</summary>
        public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

        /// <summary>Sign-in attempts from one address that are checked at the same time; a slowed failure holds its
        /// place while it waits, so that parallel guesses cannot get around the delay.</summary>
        public int ConcurrentAttemptsPerAddress { get; set; } = 4;

        /// <summary>Attempts from one address that wait for a place; only beyond these is an attempt refused (429).</summary>
        public int QueuedAttemptsPerAddress { get; set; } = 200;
    }

    public sealed class SessionSettings
    {
        /// <summary>A session unused for this long ends (sliding).</summary>
        public int IdleMinutes { get; set; } = 30;

        /// <summary>A session ends this long after sign-in, however active.</summary>
        public int AbsoluteHours { get; set; } = 12;
    }
}
