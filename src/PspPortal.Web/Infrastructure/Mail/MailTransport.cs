using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PspPortal.Web.Infrastructure.Mail;

/// <summary>Sends a batch of messages: through MailKit's SMTP client on one connection when Mail:Smtp:Host is set,
/// otherwise as .eml files into Mail:PickupDirectory.</summary>
public sealed class MailTransport(IOptions<MailOptions> options, IHostEnvironment environment)
{
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public string PickupDirectory => Path.GetFullPath(Path.Combine(environment.ContentRootPath,
        string.IsNullOrWhiteSpace(options.Value.PickupDirectory) ? Path.Combine("App_Data", "mail") : options.Value.PickupDirectory));

    /// <summary>Opens what the messages go through; dispose it to close the connection.</summary>
    public async Task<ISender> OpenAsync(CancellationToken cancellationToken)
    {
        if (!UsesSmtp)
        {
            Directory.CreateDirectory(PickupDirectory);
            return new PickupSender(PickupDirectory);
        }

        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            return new SmtpSender(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public interface ISender : IAsyncDisposable
    {
        Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
    }

    private sealed class SmtpSender(SmtpClient client) : ISender
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            finally
            {
                client.Dispose();
            }
        }
    }

    private sealed class PickupSender(string directory) : ISender
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
            await message.WriteToAsync(Path.Combine(directory, name), cancellationToken);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
