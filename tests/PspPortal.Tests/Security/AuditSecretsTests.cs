using System.Data.Common;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Tests.Security;

/// <summary>The audit trail can be read by administrators and BJA staff: no secret of anyone may ever reach it, in any
/// column, whatever the table or property holding the secret is called.</summary>
[Collection(PortalTests.Name)]
public class AuditSecretsTests(PortalFactory factory)
{
    [Fact]
    public async Task Two_factor_keys_recovery_codes_session_keys_and_set_password_tokens_are_in_no_column_of_the_audit_trail()
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        var secrets = new List<string>();

        // Two-factor on, then new recovery codes, then a sign-in with a code: the key and twenty codes have existed.
        using (var client = await factory.SignInAsync(email, Accounts.Password))
        {
            var (key, codes) = await Accounts.EnableTwoFactorAsync(client);
            secrets.Add(key.Replace(" ", string.Empty, StringComparison.Ordinal));
            secrets.AddRange(codes);
            var regenerated = await client.SubmitFormAsync("/Account/Manage", "#regenerate-recovery-codes", new Dictionary<string, string> { ["NewCodes.Secret"] = Accounts.Password });
            var more = (await PortalClient.ParseAsync(regenerated)).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
            Assert.Equal(10, more.Count);
            secrets.AddRange(more);
        }

        using (var again = await Accounts.PasswordStepAsync(factory, email))
        {
            var code = secrets[0];
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await again.SubmitFormAsync("/Account/LoginWith2fa", "main form", new Dictionary<string, string> { ["Input.Code"] = Accounts.Code(code, stepsAhead: 1) })).StatusCode);
        }

        // A set-password link, as an administrator makes one for a new account.
        using (var admin = await factory.SignInAsync(DemoUsers.Admin))
        {
            var created = await admin.SubmitFormAsync("/Admin/Users/New", "main form", new Dictionary<string, string>
            {
                ["Input.FullName"] = "Audit Secret Person",
                ["Input.Email"] = $"audit-secret-{Guid.NewGuid():N}@psp.example",
                ["Input.Role"] = Roles.Analyst,
            });
            var link = (await PortalClient.ParseAsync(created)).QuerySelector<IHtmlInputElement>("#set-password-link")!.Value;
            var code = QueryHelpers.ParseQuery(new Uri(link).Query)["code"].ToString();
            secrets.Add(code);
            secrets.Add(Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)));
        }

        await using var db = factory.CreateDbContext();
        secrets.AddRange(await db.UserSessions.AsNoTracking().Where(s => s.UserId == id).Select(s => s.Id).ToListAsync());
        secrets.AddRange(await db.UserTokens.AsNoTracking().Where(t => t.UserId == id).Select(t => t.Value!).ToListAsync());
        Assert.True(secrets.Count >= 1 + 20 + 2 + 1 + 2, $"only {secrets.Count} secrets to look for");

        // The Data Protection keys (encrypted, but still nobody's business in the audit trail) are looked for too.
        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        var ciphers = keys.Select(x => System.Text.RegularExpressions.Regex.Match(x, "<CipherValue>([^<]{40,})</CipherValue>").Groups[1].Value).Where(v => v.Length > 0).ToList();
        Assert.NotEmpty(ciphers);
        secrets.AddRange(ciphers);

        var trail = await EveryCellAsync(db.Database.GetDbConnection(), "AuditEntries");
        Assert.True(trail.Count > 100, "the audit trail should have been read");
        foreach (var secret in secrets.Where(s => s.Length >= 8))
        {
            Assert.DoesNotContain(trail, cell => cell.Contains(secret, StringComparison.OrdinalIgnoreCase));
            // Recovery codes are also looked for without their hyphen, as they might be stored.
            var bare = secret.Replace("-", string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(trail, cell => cell.Contains(bare, StringComparison.OrdinalIgnoreCase));
        }

        // What happened is still there, as security events without the secrets.
        var actions = await db.AuditEntries.AsNoTracking().Where(a => a.UserId == id).Select(a => a.Action).ToListAsync();
        Assert.Contains(SecurityActions.TwoFactorEnabled, actions);
        Assert.Contains(SecurityActions.RecoveryCodesGenerated, actions);
    }

    [Fact]
    public async Task Recovery_codes_are_stored_only_as_salted_hashes()
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        using var client = await factory.SignInAsync(email, Accounts.Password);
        var (_, codes) = await Accounts.EnableTwoFactorAsync(client);

        await using var db = factory.CreateDbContext();
        var stored = await db.UserTokens.AsNoTracking().Where(t => t.UserId == id && t.Name == "RecoveryCodes").Select(t => t.Value!).SingleAsync();
        var hashes = stored.Split(';');
        Assert.Equal(10, hashes.Length);
        Assert.All(hashes, h => Assert.StartsWith("pbkdf2-sha256$", h, StringComparison.Ordinal));
        Assert.Equal(10, hashes.Distinct().Count());
        Assert.All(codes, c => Assert.DoesNotContain(c, stored, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_entity_of_the_model_is_either_audited_by_the_allow_list_or_named_as_never_audited()
    {
        using var db = factory.CreateDbContext();
        var entities = db.Model.GetEntityTypes().Where(e => !e.IsOwned()).Select(e => e.ClrType).Distinct().ToList();

        var undecided = entities.Where(t => !AuditPolicy.IsAudited(t) && !AuditPolicy.NotAudited.Contains(t)).Select(t => t.Name).ToList();

        Assert.Empty(undecided);
        Assert.DoesNotContain(typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<string>), AuditPolicy.AuditedEntities);
        Assert.DoesNotContain(typeof(UserSession), AuditPolicy.AuditedEntities);
        Assert.Equal(AuditColumn.None, AuditPolicy.ColumnOf(typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<string>), "Value"));
        Assert.Equal(AuditColumn.ChangedOnly, AuditPolicy.ColumnOf(typeof(PortalUser), nameof(PortalUser.PasswordHash)));
        Assert.Equal(AuditColumn.None, AuditPolicy.ColumnOf(typeof(PortalUser), "SomeColumnAddedLater"));
    }

    /// <summary>Every cell of every row of the table, as text, read with plain ADO.NET (no mapping can hide a column).</summary>
    internal static async Task<List<string>> EveryCellAsync(DbConnection connection, string table)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        var cells = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (!await reader.IsDBNullAsync(i))
                {
                    cells.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }
        }

        return cells;
    }
}
