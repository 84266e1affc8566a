using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using PspPortal.Web.Data;

namespace PspPortal.Web.Infrastructure.Security;

/// <summary>The "DataProtection" configuration section: the certificate that encrypts the Data Protection keys at rest.</summary>
public sealed class DataProtectionSettings
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with an RSA certificate and its private key; relative paths are under the app's
    /// folder. Required outside Development.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/> (keep it in a secret store or an environment variable).</summary>
    public string? CertificatePassword { get; set; }
}

/// <summary>
/// Data Protection (which protects session tickets, antiforgery tokens, the two-factor cookie and Identity's tokens)
/// keeps its keys in the portal's database, table <c>DataProtectionKeys</c>, so that every instance of the portal
/// shares them and they are backed up with the data; each key is encrypted with an X.509 certificate before it is
/// stored. The application name is fixed, so instances in different folders or machines read each other's payloads.
/// See docs/adr/0007.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "PspPortal";

    /// <summary>Made on the first start in Development, in App_Data (ignored by git), so nothing needs configuring.</summary>
    public const string DevelopmentCertificateFile = "data-protection-development.pfx";

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = configuration.GetSection(DataProtectionSettings.SectionName).Get<DataProtectionSettings>() ?? new DataProtectionSettings();
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>()
            .ProtectKeysWithCertificate(LoadCertificate(settings, environment));
        return services;
    }

    /// <summary>The configured certificate; in Development without one, the development certificate (made if missing).</summary>
    public static X509Certificate2 LoadCertificate(DataProtectionSettings settings, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            return Load(Path.GetFullPath(settings.CertificatePath, environment.ContentRootPath), settings.CertificatePassword);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath is required in the {environment.EnvironmentName} environment: the keys that protect sign-in sessions and "
                + "antiforgery tokens are stored in the database encrypted with this certificate. Give a .pfx file with an RSA certificate and its "
                + "private key, and its password in DataProtection:CertificatePassword (see docs/adr/0007-data-protection-keys-in-the-database.md).");
        }

        return Load(DevelopmentCertificatePath(environment), password: null);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, KeyStorageFlags);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath '{path}' cannot be read as a .pfx file with the password in DataProtection:CertificatePassword: {e.Message}", e);
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' must hold an RSA certificate with its private key.");
        }

        return certificate;
    }

    /// <summary>Ephemeral keys are not written anywhere by the operating system; macOS does not support them.</summary>
    private static X509KeyStorageFlags KeyStorageFlags =>
        OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;

    private static string DevelopmentCertificatePath(IHostEnvironment environment)
    {
        var folder = Path.Combine(environment.ContentRootPath, "App_Data");
        var path = Path.Combine(folder, DevelopmentCertificateFile);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $"{DevelopmentCertificateFile}.{Guid.NewGuid():N}.tmp");
        try
        {
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, file))
            {
                stream.Write(NewDevelopmentCertificate());
            }

            // Several instances (or test hosts) may start at once: the first rename wins, the others use its file.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
        }
        finally
        {
            File.Delete(temporary);
        }

        return path;
    }

    private static byte[] NewDevelopmentCertificate()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=PSP Portal Data Protection (Development)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return certificate.Export(X509ContentType.Pfx);
    }
}
