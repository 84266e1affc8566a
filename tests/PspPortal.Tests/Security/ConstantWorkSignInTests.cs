using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PspPortal.Tests.Infrastructure;
using PspPortal.Web.Data;

namespace PspPortal.Tests.Security;

/// <summary>A portal whose password hasher counts the hashes it verifies.</summary>
public sealed class CountingHasherFactory : PortalFactory
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<PortalUser>>(Hasher));
    }
}

/// <summary>Identity's own hasher (PBKDF2, the work a real sign-in does), counting verifications.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<PortalUser>
{
    private readonly PasswordHasher<PortalUser> _inner = new();
    private int _verified;

    public int Verified => Volatile.Read(ref _verified);

    public void Reset() => Interlocked.Exchange(ref _verified, 0);

    public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verified);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The time a refusal takes must not tell whether an account exists, is disabled or is locked out. What
/// takes the time is the password hash (PBKDF2); these tests show that every answer verifies exactly one, rather
/// than timing answers (which would make the suite depend on the machine's speed).</summary>
public class ConstantWorkSignInTests(CountingHasherFactory factory) : IClassFixture<CountingHasherFactory>
{
    public static TheoryData<string> Cases => ["unknown", "disabled", "locked", "wrong", "right"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_sign_in_answer_verifies_exactly_one_password_hash(string @case)
    {
        var (id, email) = await Accounts.CreateAsync(factory);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(id))!;
            if (@case == "disabled")
            {
                user.IsDisabled = true;
                await users.UpdateAsync(user);
            }
            else if (@case == "locked")
            {
                await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(10));
            }
        }

        using var client = factory.CreatePortalClient();
        await client.GetAsync("/Account/Login");
        factory.Hasher.Reset();

        var response = await client.SignInAsync(@case == "unknown" ? $"nobody-{Guid.NewGuid():N}@psp.example" : email, @case == "wrong" ? "not the password at all" : Accounts.Password);

        Assert.Equal(@case == "right" ? HttpStatusCode.Redirect : HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, factory.Hasher.Verified);
    }
}
