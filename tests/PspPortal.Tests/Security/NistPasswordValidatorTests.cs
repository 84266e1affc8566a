using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PspPortal.Web.Infrastructure.Security;

namespace PspPortal.Tests.Security;

public sealed class NistPasswordValidatorTests : IDisposable
{
    // Loaded once from AppContext.BaseDirectory/Data/common-passwords.txt, as in the app.
    private static readonly Lazy<BreachedPasswordList> SharedBreachedPasswords = new(() => new BreachedPasswordList());

    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;
    private readonly UserManager<IdentityUser> _userManager;
    private readonly IdentityUser _user = new() { UserName = "jane.doe@example.org", Email = "jane.doe@example.org" };

    public NistPasswordValidatorTests()
    {
        _services = BuildServices(new Dictionary<string, string?>());
        _scope = _services.CreateScope();
        _userManager = _scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
    }

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }

    // ---- Length -------------------------------------------------------------------------

    [Fact]
    public async Task Fourteen_characters_are_refused_as_too_short()
    {
        const string password = "lantern quiver";
        Assert.Equal(14, password.Length);

        var result = await ValidateAsync(password);

        Assert.Equal([PasswordErrorCodes.TooShort], Codes(result));
        Assert.Contains("at least 15 characters", result.Errors.Single().Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifteen_characters_are_accepted()
    {
        const string password = "lantern quivers";
        Assert.Equal(15, password.Length);

        Assert.True((await ValidateAsync(password)).Succeeded);
    }

    [Fact]
    public async Task Sixty_four_characters_are_accepted()
    {
        const string password = "copper kettles whistle softly while autumn rain taps the windows";
        Assert.Equal(64, password.Length);

        Assert.True((await ValidateAsync(password)).Succeeded);
    }

    [Fact]
    public async Task Maximum_length_of_128_is_accepted_and_129_refused()
    {
        var password128 = Passphrase(128);

        Assert.True((await ValidateAsync(password128)).Succeeded);
        Assert.Equal([PasswordErrorCodes.TooLong], Codes(await ValidateAsync(password128 + "x")));
    }

    [Fact]
    public async Task Two_hundred_characters_are_refused_as_too_long()
    {
        var result = await ValidateAsync(Passphrase(200));

        Assert.Equal([PasswordErrorCodes.TooLong], Codes(result));
        Assert.Contains("128", result.Errors.Single().Description, StringComparison.Ordinal);
    }

    // ---- Any characters, counted as code points ----------------------------------------------

    [Fact]
    public async Task Spaces_are_accepted_and_counted_as_characters()
    {
        Assert.True((await ValidateAsync("  lantern   quiver  ")).Succeeded);
        Assert.Equal([PasswordErrorCodes.TooShort], Codes(await ValidateAsync("lantern quiver")));
        Assert.True((await ValidateAsync("lantern quiver ")).Succeeded);
    }

    [Fact]
    public async Task Emoji_are_accepted_and_count_as_one_character_each()
    {
        const string fifteen = "lantern quiver🔒"; // 14 letters and spaces + 1 emoji
        const string fourteen = "lantern quive🔒"; // 13 + 1 = 14 characters, though 15 UTF-16 units
        Assert.Equal(16, fifteen.Length);
        Assert.Equal(15, fourteen.Length);

        Assert.True((await ValidateAsync(fifteen)).Succeeded);
        Assert.Equal([PasswordErrorCodes.TooShort], Codes(await ValidateAsync(fourteen)));
        Assert.True((await ValidateAsync("🔒🔑🌲🦊🌙⭐🍁🚲🎻🐢🌊🧭🪁🍄🎈")).Succeeded);
    }

    [Fact]
    public async Task Emoji_count_as_one_character_against_the_maximum()
    {
        var emoji128 = string.Concat(Enumerable.Repeat("🔒🔑", 64)); // 128 code points, 256 UTF-16 units

        Assert.True((await ValidateAsync(emoji128)).Succeeded);
        Assert.Equal([PasswordErrorCodes.TooLong], Codes(await ValidateAsync(emoji128 + "🔒")));
    }

    // ---- No composition rules ------------------------------------------------------------------

    [Fact]
    public async Task All_lowercase_passphrase_without_digits_or_symbols_is_accepted()
    {
        Assert.True((await ValidateAsync("lantern quiver meadow stone")).Succeeded);
        Assert.True((await ValidateAsync("lanternquivermeadowstone")).Succeeded);
    }

    [Fact]
    public async Task Identity_default_composition_validator_is_replaced()
    {
        var validator = Assert.Single(_userManager.PasswordValidators);
        Assert.IsType<NistPasswordValidator<IdentityUser>>(validator);
    }

    // ---- Breached passwords ---------------------------------------------------------------

    [Theory]
    [InlineData("password")]
    [InlineData("123456")]
    [InlineData("qwerty")]
    [InlineData("iloveyou")]
    [InlineData("trustno1")]
    public async Task Top_breached_passwords_are_refused(string password)
    {
        Assert.True(SharedBreachedPasswords.Value.Contains(password));

        Assert.Contains(PasswordErrorCodes.Breached, Codes(await ValidateAsync(password)));
    }

    [Theory]
    [InlineData("qwerty123456789")] // 15 characters, rank 31,232 in the source list
    [InlineData("1qaz2wsx3edc4rfv")] // 16 characters, rank 12,393
    [InlineData("qazwsxedcrfvtgb")] // 15 characters, rank 17,920
    [InlineData("momsanaladventure")] // 17 characters, rank 16,306
    public async Task Long_breached_passwords_are_refused_though_long_enough(string password)
    {
        Assert.True(SharedBreachedPasswords.Value.Contains(password));

        var result = await ValidateAsync(password);

        Assert.Equal([PasswordErrorCodes.Breached], Codes(result));
        Assert.Equal(
            "This password appears in lists of passwords exposed in data breaches. Choose another.",
            result.Errors.Single().Description);
    }

    [Fact]
    public async Task Breached_password_check_ignores_case()
    {
        Assert.Equal([PasswordErrorCodes.Breached], Codes(await ValidateAsync("QWERTY123456789")));
        Assert.Equal([PasswordErrorCodes.Breached], Codes(await ValidateAsync("1QAZ2wsx3EDC4rfv")));
    }

    [Fact]
    public void Breached_list_has_at_least_ten_thousand_entries()
    {
        Assert.True(SharedBreachedPasswords.Value.Count >= 10_000, $"only {SharedBreachedPasswords.Value.Count} entries");
    }

    [Fact]
    public void Breached_list_file_is_lowercase_deduplicated_and_in_rank_order()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, BreachedPasswordList.DefaultRelativePath));

        Assert.True(lines.Length >= 10_000);
        Assert.Equal(["123456", "password", "12345678", "qwerty"], lines.Take(4));
        Assert.All(lines, line => Assert.Equal(line.ToLowerInvariant(), line));
        Assert.All(lines, line => Assert.False(string.IsNullOrWhiteSpace(line)));
        Assert.Equal(lines.Length, lines.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(lines.Length, SharedBreachedPasswords.Value.Count);
    }

    [Fact]
    public void Breached_list_refuses_to_start_without_its_file()
    {
        var missing = Path.Combine(AppContext.BaseDirectory, "Data", "no-such-list.txt");

        Assert.Throws<FileNotFoundException>(() => new BreachedPasswordList(missing));
    }

    // ---- Email, user name, program name, repetition -------------------------------------------

    [Theory]
    [InlineData("jane.doe@example.org rocks")]
    [InlineData("JANE.DOE@EXAMPLE.ORG rocks")]
    [InlineData("my login is jane.doe ok")]
    [InlineData("my login is Jane.Doe ok")]
    public async Task Password_containing_the_email_or_its_local_part_is_refused(string password)
    {
        var result = await ValidateAsync(password);

        Assert.Equal([PasswordErrorCodes.ContainsEmail], Codes(result));
    }

    [Fact]
    public async Task Local_part_shorter_than_three_characters_is_not_checked()
    {
        var user = new IdentityUser { UserName = "jo@example.org", Email = "jo@example.org" };

        Assert.True((await ValidateAsync("jo walks the long river path", user)).Succeeded);
        Assert.Equal(
            [PasswordErrorCodes.ContainsEmail],
            Codes(await ValidateAsync("jo@example.org walks far", user)));
    }

    [Fact]
    public async Task Password_containing_a_user_name_different_from_the_email_is_refused()
    {
        var user = new IdentityUser { UserName = "jdoe77", Email = "jane.doe@example.org" };

        Assert.Equal([PasswordErrorCodes.ContainsUserName], Codes(await ValidateAsync("call me JDoe77 any time", user)));
    }

    [Fact]
    public async Task User_without_an_email_is_checked_without_error()
    {
        var user = new IdentityUser();

        Assert.True((await ValidateAsync("lantern quiver meadow", user)).Succeeded);
    }

    [Theory]
    [InlineData("PublicSafetyPartnership2026!")]
    [InlineData("public safety partnership")]
    [InlineData("psp-portal-psp-portal")]
    [InlineData("PSP Portal 2026!!!!!!!")]
    [InlineData("portalportalportal")]
    [InlineData("Public Safety Partnership Portal")]
    public async Task Program_name_alone_is_refused(string password)
    {
        Assert.Equal([PasswordErrorCodes.ContainsProgramName], Codes(await ValidateAsync(password)));
    }

    [Theory]
    [InlineData("my psp portal passphrase is long")]
    [InlineData("portable pspeaker lamp")]
    [InlineData("2026-2027-2028-2029")]
    public async Task Program_name_among_other_words_is_accepted(string password)
    {
        Assert.True((await ValidateAsync(password)).Succeeded);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("AaAaAaAaAaAaAaAa")]
    [InlineData("                ")]
    [InlineData("🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒")]
    public async Task Single_repeated_character_is_refused(string password)
    {
        Assert.Contains(PasswordErrorCodes.Repetitive, Codes(await ValidateAsync(password)));
    }

    [Theory]
    [InlineData("admin@psp.example")]
    [InlineData("liaison@psp.example")]
    [InlineData("poc@psp.example")]
    public async Task Demo_seed_password_is_accepted_for_the_demo_accounts(string email)
    {
        var user = new IdentityUser { UserName = email, Email = email };

        Assert.True((await ValidateAsync("Demo-Portal-2026!", user)).Succeeded);
    }

    [Fact]
    public async Task Every_failing_rule_is_reported()
    {
        var result = await ValidateAsync("psp");

        Assert.Equal([PasswordErrorCodes.TooShort, PasswordErrorCodes.ContainsProgramName], Codes(result));
        Assert.All(result.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Description)));
    }

    // ---- Options ------------------------------------------------------------------------------

    [Fact]
    public async Task Options_are_bound_from_the_security_passwords_section()
    {
        using var services = BuildServices(new Dictionary<string, string?>
        {
            ["Security:Passwords:MinimumLength"] = "20",
            ["Security:Passwords:ForbiddenWords:0"] = "riverside",
        });
        using var scope = services.CreateScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var validator = Assert.Single(userManager.PasswordValidators);

        var options = services.GetRequiredService<IOptions<PasswordPolicyOptions>>().Value;
        Assert.Equal(20, options.MinimumLength);
        Assert.Contains("riverside", options.ForbiddenWords);
        Assert.Contains("psp", options.ForbiddenWords);

        Assert.Equal(
            [PasswordErrorCodes.TooShort],
            Codes(await validator.ValidateAsync(userManager, _user, "lantern quiver mead")));
        Assert.Equal(
            [PasswordErrorCodes.ContainsProgramName],
            Codes(await validator.ValidateAsync(userManager, _user, "Riverside PSP Riverside 2026")));
    }

    [Theory]
    [InlineData(15, 63)]
    [InlineData(7, 128)]
    [InlineData(100, 64)]
    public void Invalid_length_options_are_rejected(int minimumLength, int maximumLength)
    {
        var options = new PasswordPolicyOptions { MinimumLength = minimumLength, MaximumLength = maximumLength };

        Assert.Throws<OptionsValidationException>(
            () => new NistPasswordValidator<IdentityUser>(Options.Create(options), SharedBreachedPasswords.Value));
    }

    [Fact]
    public void Invalid_configuration_fails_when_options_are_resolved()
    {
        using var services = BuildServices(new Dictionary<string, string?> { ["Security:Passwords:MaximumLength"] = "32" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PasswordPolicyOptions>>().Value);
    }

    [Fact]
    public async Task Lower_minimum_length_can_be_configured()
    {
        var validator = new NistPasswordValidator<IdentityUser>(
            Options.Create(new PasswordPolicyOptions { MinimumLength = 8 }),
            SharedBreachedPasswords.Value);

        Assert.True((await validator.ValidateAsync(_userManager, _user, "lantern q")).Succeeded);
        Assert.Equal([PasswordErrorCodes.Breached], Codes(await validator.ValidateAsync(_userManager, _user, "PASSWORD")));
    }

    // ---- Helpers -----------------------------------------------------------------------------

    private Task<IdentityResult> ValidateAsync(string password, IdentityUser? user = null) =>
        Assert.Single(_userManager.PasswordValidators).ValidateAsync(_userManager, user ?? _user, password);

    private static string[] Codes(IdentityResult result) => [.. result.Errors.Select(error => error.Code)];

    private static string Passphrase(int length)
    {
        var text = string.Concat(Enumerable.Repeat("amber sparrow ", (length / 14) + 1))[..length];
        Assert.Equal(length, text.Length);
        return text;
    }

    private static ServiceProvider BuildServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<IUserStore<IdentityUser>>(new NotSupportedUserStore());
        services.AddSingleton(SharedBreachedPasswords.Value);
        services.AddIdentityCore<IdentityUser>().AddNistPasswordPolicy<IdentityUser>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>UserManager needs a store; password validation never touches it.</summary>
    private sealed class NotSupportedUserStore : IUserStore<IdentityUser>
    {
        public Task<IdentityResult> CreateAsync(IdentityUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdentityResult> DeleteAsync(IdentityUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdentityUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdentityUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string?> GetNormalizedUserNameAsync(IdentityUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string> GetUserIdAsync(IdentityUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string?> GetUserNameAsync(IdentityUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetNormalizedUserNameAsync(IdentityUser user, string? normalizedName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetUserNameAsync(IdentityUser user, string? userName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdentityResult> UpdateAsync(IdentityUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
