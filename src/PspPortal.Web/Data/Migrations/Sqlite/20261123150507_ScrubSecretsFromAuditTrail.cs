using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PspPortal.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Removes from the audit trail what it should never have held. Before the audit trail became an allow-list
    /// (Data/AuditPolicy.cs), it copied every column of every saved row except those whose names looked secret, and so
    /// kept Identity's token table (authenticator keys and recovery codes, in the column <c>Value</c>) and the server-side
    /// sessions (the session key as the row's id, the protected ticket). The rows stay, so the trail still shows that
    /// something happened and when; their values are replaced by a note. Recovery codes kept in clear before they were
    /// hashed, which the audit trail has exposed, are deleted: their owners make new ones on the account page.
    /// </summary>
    public partial class ScrubSecretsFromAuditTrail : Migration
    {
        public const string Note = "Values removed: this table holds secrets and is not audited (migration ScrubSecretsFromAuditTrail).";

        /// <summary>The tables, as the audit trail named them, that carry secrets or are no longer audited.</summary>
        private const string SecretTables = "'IdentityUserToken', 'IdentityUserLogin', 'IdentityUserClaim', 'IdentityRoleClaim', 'UserSession', 'DataProtectionKey'";

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"UPDATE AuditEntries SET Changes = NULL, Details = '{Note}' WHERE EntityType IN ({SecretTables});");
            migrationBuilder.Sql("UPDATE AuditEntries SET EntityId = NULL WHERE EntityType = 'UserSession';");
            migrationBuilder.Sql("DELETE FROM AspNetUserTokens WHERE LoginProvider = '[AspNetUserStore]' AND Name = 'RecoveryCodes' AND Value NOT LIKE 'pbkdf2-sha256$%';");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // What was removed is not kept anywhere, on purpose: there is nothing to put back.
        }
    }
}
