using Microsoft.AspNetCore.Hosting;
using PspPortal.Tests.Infrastructure;

namespace PspPortal.Tests.Security;

/// <summary>Settings that production cannot do without stop start-up with a message that names them.</summary>
public class StartUpSettingsTests
{
    private static string StartFailure(Action<IWebHostBuilder> configure)
    {
        using var production = new ProductionPortalFactory();
        using var factory = production.WithWebHostBuilder(configure);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(Environment.NewLine, messages);
    }

    [Theory]
    [InlineData("", "App:BaseUrl is required in the Production environment")]
    [InlineData("portal.psp.example", "is not an absolute http or https address")]
    [InlineData("http://portal.psp.example/", "must be an https address outside Development")]
    public void Outside_Development_the_portal_does_not_start_without_an_https_App_BaseUrl(string baseUrl, string message)
    {
        var failure = StartFailure(builder => builder.UseSetting("App:BaseUrl", baseUrl));

        Assert.Contains(message, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_Development_the_portal_does_not_start_without_somewhere_to_send_mail()
    {
        var failure = StartFailure(builder => builder.UseSetting("Mail:PickupDirectory", ""));

        Assert.Contains("Mail:Smtp:Host (the SMTP server) or Mail:PickupDirectory (a folder for .eml files) is required in the Production environment", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_Development_the_portal_does_not_start_without_a_certificate_for_the_Data_Protection_keys()
    {
        var missing = StartFailure(builder => builder.UseSetting("DataProtection:CertificatePath", ""));
        var wrongPassword = StartFailure(builder => builder.UseSetting("DataProtection:CertificatePassword", "not the password"));

        Assert.Contains("DataProtection:CertificatePath is required in the Production environment", missing, StringComparison.Ordinal);
        Assert.Contains("cannot be read as a .pfx file with the password in DataProtection:CertificatePassword", wrongPassword, StringComparison.Ordinal);
    }
}
