using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PspPortal.Tests.Infrastructure;

/// <summary>Certificates made by the tests, as an operator would provide one for Data Protection outside Development.</summary>
public static class TestCertificates
{
    public const string Password = "test certificate password";

    /// <summary>Writes a new self-signed RSA certificate with its private key as a .pfx file; returns its path.</summary>
    public static string CreatePfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PSP Portal Data Protection (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"psp-tests-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
