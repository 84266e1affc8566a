using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace PspPortal.Tests.Notifications;

/// <summary>A real SMTP server on loopback: Debian's python3-aiosmtpd (scripts/test.sh installs it), started on a port
/// of its own, writing each message it receives as an .eml file into a folder of its own.</summary>
public sealed class LoopbackSmtpServer : IDisposable
{
    private const string Script = """
        import os, signal, sys, uuid
        from aiosmtpd.controller import Controller

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                path = os.path.join(sys.argv[2], uuid.uuid4().hex)
                with open(path + ".tmp", "wb") as f:
                    f.write(envelope.original_content or envelope.content)
                os.rename(path + ".tmp", path + ".eml")
                return "250 Message accepted"

        controller = Controller(Handler(), hostname="127.0.0.1", port=int(sys.argv[1]))
        controller.start()
        print("ready", flush=True)
        signal.signal(signal.SIGTERM, lambda *_: (controller.stop(), sys.exit(0)))
        sys.stdin.read()
        controller.stop()
        """;

    private Process? _process;

    public LoopbackSmtpServer(int? port = null)
    {
        Port = port ?? FreePort();
        Directory.CreateDirectory(Folder);
    }

    public int Port { get; }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"psp-smtp-{Guid.NewGuid():N}");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        // Debian's python3, where python3-aiosmtpd is installed (a python3 earlier on PATH may not have it).
        var info = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(Folder);
        _process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "ready")
        {
            throw new InvalidOperationException($"The SMTP server did not start (is python3-aiosmtpd installed?): {await _process.StandardError.ReadToEndAsync(timeout.Token)}");
        }
    }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        [.. Directory.GetFiles(Folder, "*.eml").Select(f => MimeMessage.Load(f))];

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill();
            }
        }

        _process?.Dispose();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
