using System.Diagnostics;

namespace LaborMarket.Cli.Tests.Hosting;

public class SignalTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Normalize_SignalWhileRunning_ExitsInterrupted(string signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        // A job started in the background by a shell has SIGINT ignored, and passes that on: Ctrl+C cannot reach it.
        if (signal == "INT" && SigIntIgnored())
        {
            return;
        }

        // The built tool as a child process, fed titles without end so it is busy when the signal comes.
        // Run from the CLI's own build output: the test folder carries ASP.NET Core for the README tests, which the tool does not.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var tool = Path.Combine(TestData.RepoRoot, "samples", "LaborMarket.Cli", "bin", configuration, "net10.0", "labormarket");
        var start = new ProcessStartInfo(tool, ["normalize", "--format", "jsonl"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var feeding = new CancellationTokenSource();
        var feed = Task.Run(async () =>
        {
            try
            {
                while (!feeding.IsCancellationRequested)
                {
                    await process.StandardInput.WriteLineAsync("Registered Nurse\nSr Welder\nPOLICE OFFICER\nSoftware Engineer II");
                }
            }
            catch (IOException)
            {
                // The child has exited and closed its stdin.
            }
        });

        // Running: its first results have come out.
        var first = await process.StandardOutput.ReadLineAsync();
        Assert.StartsWith("{\"row\":1,", first, StringComparison.Ordinal);
        var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(10)));
        var waited = clock.Elapsed;
        await feeding.CancelAsync();

        Assert.True(process.HasExited, "the process did not stop within 10 seconds");
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("interrupted", await errors, StringComparison.Ordinal);
        await drain;
        await feed;
        Assert.True(waited < TimeSpan.FromSeconds(3), $"stopping took {waited.TotalSeconds:0.0}s");
    }

    private static bool SigIntIgnored()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) : null;
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0b10) != 0;
    }
}
