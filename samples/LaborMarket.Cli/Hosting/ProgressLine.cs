using System.Diagnostics;
using System.Globalization;

namespace LaborMarket.Cli.Hosting;

/// <summary>A one-line progress indicator on stderr, drawn only when stderr is a terminal.</summary>
internal sealed class ProgressLine(CliConsole console, string phase, long? total = null)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1;

    public void Report(long done)
    {
        if (!console.ErrorIsTerminal || _clock.ElapsedMilliseconds - _lastDraw < 200)
        {
            return;
        }

        _lastDraw = _clock.ElapsedMilliseconds;
        var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var text = total is > 0
            ? string.Create(CultureInfo.InvariantCulture, $"\r{phase}: {done:N0}/{total:N0} ({100.0 * done / total:0}%) {rate:N0}/s   ")
            : string.Create(CultureInfo.InvariantCulture, $"\r{phase}: {done:N0} {rate:N0}/s   ");
        console.Error.Write(text);
    }

    public void Done(long done)
    {
        if (console.ErrorIsTerminal)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\r{phase}: {done:N0} done in {_clock.Elapsed.TotalSeconds:0.0}s        "));
        }
    }
}
