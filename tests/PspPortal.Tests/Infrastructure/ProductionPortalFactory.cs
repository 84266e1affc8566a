using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace PspPortal.Tests.Infrastructure;

/// <summary>The portal as configured for production: its public address, one known reverse proxy, and (since the
/// test server has no network) every request coming from the address in <see cref="ClientAddressHeader"/>, or from
/// <see cref="DefaultClientAddress"/> when a request does not say.</summary>
public sealed class ProductionPortalFactory : PortalFactory
{
    public const string PublicAddress = "https://portal.psp.example/";
    public const string PublicHost = "portal.psp.example";
    public const string KnownProxy = "10.0.0.5";

    /// <summary>Test-only: the remote address of the connection a request comes over (read and removed before the
    /// portal's pipeline).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public static readonly IPAddress DefaultClientAddress = IPAddress.Parse("203.0.113.10");

    /// <summary>The certificate that encrypts the Data Protection keys, as production requires one.</summary>
    public string CertificatePath { get; } = TestCertificates.CreatePfx();

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("App:BaseUrl", PublicAddress);
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", KnownProxy);
        builder.UseSetting("DataProtection:CertificatePath", CertificatePath);
        builder.UseSetting("DataProtection:CertificatePassword", TestCertificates.Password);
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(Path.GetTempPath(), "psp-tests-mail"));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressStartupFilter>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(CertificatePath);
    }

    private sealed class ClientAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var given = context.Request.Headers[ClientAddressHeader].ToString();
                context.Connection.RemoteIpAddress = given.Length > 0 ? IPAddress.Parse(given) : DefaultClientAddress;
                context.Request.Headers.Remove(ClientAddressHeader);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
