using Microsoft.AspNetCore.Identity;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data;

/// <summary>
/// The allow-list of the audit trail: which entities it records and, for each, which columns it records with their
/// values and which only as "(changed)". An entity or a column that is not named here is never written to the audit
/// trail, whatever it is called: a table added later is silent until someone decides what of it may be read by the
/// people who can read the audit trail (administrators and BJA staff).
/// </summary>
/// <remarks>
/// Deliberately not audited, because their values are secrets or carry them: Identity's token table
/// (<see cref="IdentityUserToken{TKey}"/>: authenticator keys, recovery codes), <see cref="UserSession"/> (session keys
/// and tickets), external logins and claims, and any Data Protection key table. What happens to them is recorded as
/// security events instead (two-factor turned on or off, new recovery codes, sign-in, sign-out).
/// <see cref="ReferenceCounter"/> is a counter and <see cref="FiguresStamp"/> a random marker, neither with a meaning of its own, and the audit trail does not audit itself.
/// A test (<c>AuditPolicyTests</c>) fails when an entity of the model is in neither list.
/// </remarks>
public static class AuditPolicy
{
    private static readonly Dictionary<Type, EntityAudit> Audited = new()
    {
        // Program data: every column is what people typed or what the workflow decided; none is a secret.
        [typeof(Cohort)] = EntityAudit.EveryColumn,
        [typeof(Site)] = EntityAudit.EveryColumn,
        [typeof(Engagement)] = EntityAudit.EveryColumn,
        [typeof(EngagementMilestone)] = EntityAudit.EveryColumn,
        [typeof(MilestoneChange)] = EntityAudit.EveryColumn,
        [typeof(SiteTeamMember)] = EntityAudit.EveryColumn,
        [typeof(CoreArea)] = EntityAudit.EveryColumn,
        [typeof(TtaRequest)] = EntityAudit.EveryColumn,
        [typeof(TtaRequestTransition)] = EntityAudit.EveryColumn,
        [typeof(TtaRequestComment)] = EntityAudit.EveryColumn,

        // The engagement's content (issue 12): assessments, recommendations, the strategic plan, its progress notes and
        // capacity-building grants are program data people typed; none is a secret.
        [typeof(Assessment)] = EntityAudit.EveryColumn,
        [typeof(AssessmentCoreArea)] = EntityAudit.EveryColumn,
        [typeof(Recommendation)] = EntityAudit.EveryColumn,
        [typeof(PlanGoal)] = EntityAudit.EveryColumn,
        [typeof(PlanStrategy)] = EntityAudit.EveryColumn,
        [typeof(StrategyNote)] = EntityAudit.EveryColumn,
        [typeof(CapacityGrant)] = EntityAudit.EveryColumn,
        [typeof(GrantFundedStrategy)] = EntityAudit.EveryColumn,

        // The Clearinghouse, toolkits and peer exchanges (issue 13): resources curators typed, toolkits and their shares
        // (who may see which toolkit is worth an audit trail), attachments to requests and the hosts' answers. None holds
        // a secret; a toolkit's notes are what its owner typed about public resources.
        [typeof(Resource)] = EntityAudit.EveryColumn,
        [typeof(ResourceCoreArea)] = EntityAudit.EveryColumn,
        [typeof(ResourceAgencySize)] = EntityAudit.EveryColumn,
        [typeof(TtaRequestResource)] = EntityAudit.EveryColumn,
        [typeof(Toolkit)] = EntityAudit.EveryColumn,
        [typeof(ToolkitItem)] = EntityAudit.EveryColumn,
        [typeof(ToolkitShare)] = EntityAudit.EveryColumn,
        [typeof(PeerExchange)] = EntityAudit.EveryColumn,

        // Accounts: who they are and what they may do, never what proves who they are.
        [typeof(PortalUser)] = EntityAudit.Columns(
            recorded:
            [
                nameof(PortalUser.Id), nameof(PortalUser.UserName), nameof(PortalUser.Email), nameof(PortalUser.FullName),
                nameof(PortalUser.EmailConfirmed), nameof(PortalUser.PhoneNumber), nameof(PortalUser.TwoFactorEnabled),
                nameof(PortalUser.LockoutEnabled), nameof(PortalUser.LockoutEnd), nameof(PortalUser.AccessFailedCount),
                nameof(PortalUser.IsDisabled), nameof(PortalUser.CreatedAt),
            ],
            changedOnly: [nameof(PortalUser.PasswordHash), nameof(PortalUser.SecurityStamp), nameof(PortalUser.CalendarFeedTokenHash)]),
        // Personal access tokens (issue 14): who made or revoked which token and when, never the token's hash.
        [typeof(PersonalAccessToken)] = EntityAudit.Columns(
            recorded:
            [
                nameof(PersonalAccessToken.Id), nameof(PersonalAccessToken.UserId), nameof(PersonalAccessToken.Name),
                nameof(PersonalAccessToken.Prefix), nameof(PersonalAccessToken.CreatedAt), nameof(PersonalAccessToken.ExpiresAt),
                nameof(PersonalAccessToken.RevokedAt),
            ]),
        [typeof(IdentityRole)] = EntityAudit.Columns(recorded: [nameof(IdentityRole.Id), nameof(IdentityRole.Name)]),
        [typeof(IdentityUserRole<string>)] = EntityAudit.Columns(recorded: [nameof(IdentityUserRole<string>.UserId), nameof(IdentityUserRole<string>.RoleId)]),
    };

    /// <summary>Entities of the model that are never audited, each for a reason given in the remarks above.</summary>
    public static IReadOnlySet<Type> NotAudited { get; } = new HashSet<Type>
    {
        typeof(AuditEntry),
        typeof(UserSession),
        typeof(ReferenceCounter),
        typeof(FiguresStamp),
        typeof(IdentityUserToken<string>),
        typeof(IdentityUserLogin<string>),
        typeof(IdentityUserClaim<string>),
        typeof(IdentityRoleClaim<string>),
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),

        // Notifications and mail (issue 14): copies of events the audit trail already records (transitions, comments,
        // shares, invitations), one person's reading state and choices, and the outbox's delivery bookkeeping. Their
        // text is not copied a second time into the audit trail.
        typeof(Notification),
        typeof(NotificationPreference),
        typeof(RequestFollow),
        typeof(OutboxMessage),
    };

    public static IReadOnlyCollection<Type> AuditedEntities => Audited.Keys;

    /// <summary>How a column of an entity is audited; <see cref="AuditColumn.None"/> for every entity and column that
    /// the allow-list does not name.</summary>
    public static AuditColumn ColumnOf(Type entity, string column)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(column);
        return Audited.TryGetValue(entity, out var audit) ? audit.Column(column) : AuditColumn.None;
    }

    public static bool IsAudited(Type entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Audited.ContainsKey(entity);
    }

    private sealed class EntityAudit
    {
        private readonly bool _everyColumn;
        private readonly HashSet<string> _recorded;
        private readonly HashSet<string> _changedOnly;

        private EntityAudit(bool everyColumn, IEnumerable<string> recorded, IEnumerable<string> changedOnly)
        {
            _everyColumn = everyColumn;
            _recorded = new HashSet<string>(recorded, StringComparer.Ordinal);
            _changedOnly = new HashSet<string>(changedOnly, StringComparer.Ordinal);
        }

        public static EntityAudit EveryColumn { get; } = new(everyColumn: true, [], []);

        public static EntityAudit Columns(IEnumerable<string> recorded, IEnumerable<string>? changedOnly = null) =>
            new(everyColumn: false, recorded, changedOnly ?? []);

        public AuditColumn Column(string name) =>
            _changedOnly.Contains(name) ? AuditColumn.ChangedOnly
            : _everyColumn || _recorded.Contains(name) ? AuditColumn.Recorded
            : AuditColumn.None;
    }
}

public enum AuditColumn
{
    /// <summary>Not in the audit trail at all.</summary>
    None,

    /// <summary>Recorded as "(changed)" when it changes, without its values.</summary>
    ChangedOnly,

    /// <summary>Recorded with its values before and after.</summary>
    Recorded,
}
