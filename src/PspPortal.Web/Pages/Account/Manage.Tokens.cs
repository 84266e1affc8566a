using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using PspPortal.Web.Authorization;
using PspPortal.Web.Domain;
using PspPortal.Web.Infrastructure;

namespace PspPortal.Web.Pages.Account;

/// <summary>The "Personal access tokens" section of /Account/Manage (markup: _PersonalAccessTokens.cshtml): make a
/// token for the read-only API, see it once, list and revoke tokens. Its services come into the handlers
/// (<c>[FromServices]</c>), so that this section and others add no parameter to the page's constructor.</summary>
public partial class ManageModel
{
    [BindProperty]
    public TokenInput Token { get; set; } = new();

    /// <summary>The token just made: shown in the response that made it (never kept, never put in TempData) and never again.</summary>
    public NewToken? CreatedToken { get; private set; }

    public sealed class TokenInput
    {
        public string Name { get; set; } = string.Empty;
        public int LifetimeDays { get; set; } = PersonalAccessToken.DefaultLifetimeDays;
    }

    public sealed class TokenValidator : AbstractValidator<TokenInput>
    {
        public TokenValidator()
        {
            RuleFor(i => i.Name).NotEmpty().WithMessage("Enter a name for the token, for example what script will use it.")
                .MaximumLength(PersonalAccessToken.NameMaxLength).WithMessage($"The name can be at most {PersonalAccessToken.NameMaxLength} characters.");
            RuleFor(i => i.LifetimeDays).Must(d => PersonalAccessToken.LifetimeChoices.Contains(d))
                .WithMessage("Choose how long the token works: 30, 90 or 365 days.");
        }
    }

    /// <summary>The user's tokens, newest first, for the section's table.</summary>
    public async Task<List<TokenListing>> TokenListAsync() =>
        User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? await HttpContext.RequestServices.GetRequiredService<PersonalAccessTokens>().ListAsync(userId, HttpContext.RequestAborted)
            : [];

    public DateTime TokenNow => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnPostCreateTokenAsync([FromServices] PersonalAccessTokens tokens, [FromServices] IValidator<TokenInput> tokenValidator)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(tokenValidator);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return Challenge();
        }

        ModelState.Clear();
        var validation = await tokenValidator.ValidateAsync(Token);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, nameof(Token));
        }
        else if (await tokens.ActiveCountAsync(userId, HttpContext.RequestAborted) >= PersonalAccessToken.MaxActivePerUser)
        {
            ModelState.AddModelError($"{nameof(Token)}.{nameof(TokenInput.Name)}",
                $"You have {PersonalAccessToken.MaxActivePerUser} tokens that still work, the most one account may have. Revoke one you no longer use first.");
        }
        else
        {
            CreatedToken = await tokens.CreateAsync(userId, Token.Name, Token.LifetimeDays, HttpContext.RequestAborted);
            Token = new TokenInput();
            // The token is in this response's body only: no cache may keep it.
            Response.Headers.CacheControl = "no-store";
            Response.Headers.Pragma = "no-cache";
            Notice = $"Your token \"{CreatedToken.Listing.Name}\" is ready. Copy it now: it will not be shown again.";
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(int tokenId, [FromServices] PersonalAccessTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return Challenge();
        }

        // Someone else's token is "not found", like any record out of scope.
        if (!await tokens.RevokeAsync(userId, tokenId, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        StatusMessage = "The token is revoked: it no longer works.";
        return RedirectToPage(null, null, "tokens");
    }
}
