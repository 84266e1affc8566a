using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>Registers the NIST SP 800-63B password policy with ASP.NET Core Identity.</summary>
public static class PasswordPolicyServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PasswordPolicyOptions"/> from <c>Security:Passwords</c> (validated at
    /// start-up), registers <see cref="BreachedPasswordList"/> as a singleton, removes Identity's
    /// default composition-rule password validator and adds <see cref="NistPasswordValidator{TUser}"/>.
    /// Call after <c>AddIdentity</c> / <c>AddDefaultIdentity</c> / <c>AddIdentityCore</c>.
    /// </summary>
    public static IdentityBuilder AddNistPasswordPolicy<TUser>(this IdentityBuilder builder)
        where TUser : IdentityUser
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.UserType != typeof(TUser))
        {
            throw new ArgumentException(
                $"The Identity user type is {builder.UserType}, not {typeof(TUser)}.", nameof(builder));
        }

        var services = builder.Services;
        services.AddOptions<PasswordPolicyOptions>()
            .BindConfiguration(PasswordPolicyOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PasswordPolicyOptions>, PasswordPolicyOptionsValidator>());
        services.TryAddSingleton(static _ => new BreachedPasswordList());

        // NIST SP 800-63B: no composition rules. Drop Identity's PasswordValidator<TUser>
        // (digits, upper/lower case, symbols, unique characters) and neutralise its options.
        services.RemoveAll<IPasswordValidator<TUser>>();
        services.Configure<IdentityOptions>(static identity =>
        {
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 1;
        });

        return builder.AddPasswordValidator<NistPasswordValidator<TUser>>();
    }
}
