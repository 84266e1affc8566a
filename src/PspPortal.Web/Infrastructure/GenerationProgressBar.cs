using System.Globalization;
using PspPortal.Web.Data.Seeding;
using ShellProgressBar;

namespace PspPortal.Web.Infrastructure;

/// <summary>generate-data's progress: a bar per phase in a terminal (ShellProgressBar), one line per step when the
/// output goes to a file or a pipe (scripts/bench.sh), where a bar's cursor movements would only be noise.</summary>
internal sealed class GenerationProgressBar : IProgress<GenerationProgress>, IDisposable
{
    private readonly bool _plain;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private ProgressBar? _bar;
    private string? _phase;
    private int _lastPercent = -1;

    private GenerationProgressBar(bool plain) => _plain = plain;

    public static GenerationProgressBar Start(bool outputRedirected) => new(outputRedirected);

    // Reported synchronously by the generator (not through Progress<T>'s thread pool), so lines come in order.
    public void Report(GenerationProgress value)
    {
        if (_plain)
        {
            var percent = value.Total == 0 ? 100 : (int)(100L * value.Done / value.Total);
            if (value.Phase != _phase || percent / 10 != _lastPercent / 10 || value.Done == value.Total)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed:mm\\:ss}] {value.Phase}: {value.Done:N0}/{value.Total:N0}"));
                _phase = value.Phase;
                _lastPercent = percent;
            }

            return;
        }

        if (value.Phase != _phase)
        {
            _bar?.Dispose();
            _bar = new ProgressBar(value.Total, value.Phase, new ProgressBarOptions { ProgressCharacter = '─', CollapseWhenFinished = false });
            _phase = value.Phase;
        }

        _bar!.Tick(value.Done, string.Create(CultureInfo.InvariantCulture, $"{value.Phase}: {value.Done:N0}/{value.Total:N0}"));
    }

    public void Dispose()
    {
        _bar?.Dispose();
        _bar = null;
    }
}
