using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PspPortal.Web.Data;

namespace PspPortal.Web.Authorization;

/// <summary>Authentication of the read-only API (/api/v1) by personal access token: <c>Authorization: Bearer psp_…</c>.
/// The token's SHA-256 finds its row; a revoked or expired token, or one whose account is disabled, is refused with 401
/// and a <c>WWW-Authenticate</c> header. The principal is the token's owner with their roles, so that
/// <see cref="SiteScope"/> gives the API exactly the pages' scope. Only the API's policy names this scheme: the API never
/// reads the session cookie (so it has no cross-site request forgery surface), and the pages never read a token.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PortalDbContext db,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>The claim that names the token a request came with (the rate limiter's partition).</summary>
    public const string TokenIdClaim = "psp:token_id";

    /// <summary>"Last used" is written at most this often per token, not on every request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const string Realm = "PSP Portal API";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not a bearer token.");
        }

        var token = header["Bearer ".Length..].Trim();
        if (!PersonalAccessTokens.LooksLikeToken(token))
        {
            return AuthenticateResult.Fail("The bearer token is malformed.");
        }

        var hash = PersonalAccessTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { TokenId = t.Id, t.RevokedAt, t.ExpiresAt, t.LastUsedAt, UserId = u.Id, u.UserName, u.IsDisabled })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now || found.IsDisabled)
        {
            // One answer for all four: a caller learns nothing about which tokens exist.
            return AuthenticateResult.Fail("The token is unknown, revoked or expired, or its account is disabled.");
        }

        var roles = await db.UserRoles.AsNoTracking()
            .Where(ur => ur.UserId == found.UserId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(Context.RequestAborted);

        if (found.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            // One statement, outside the audit trail (when a script ran is not an audited change).
            await db.PersonalAccessTokens.Where(t => t.Id == found.TokenId)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, found.UserId),
            new(ClaimTypes.Name, found.UserName ?? found.UserId),
            new(TokenIdClaim, found.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750) and a problem details body.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var presented = result.Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = presented
            ? $"Bearer realm=\"{Realm}\", error=\"invalid_token\""
            : $"Bearer realm=\"{Realm}\"";
        Response.Headers.CacheControl = "no-store";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "A personal access token is required.",
            detail: presented
                ? "The token is malformed, unknown, revoked or expired, or its account is disabled. Make a new one on /Account/Manage."
                : "Send a personal access token in the Authorization header: \"Authorization: Bearer psp_…\". The API does not read the session cookie.")
            .ExecuteAsync(Context);
    }
}
