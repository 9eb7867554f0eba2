using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LaborMarket.Inference.Tests.Trees;

/// <summary>
/// The process-level check: every mutated model the fuzz suite makes is loaded and evaluated (predict, raw, leaves,
/// contributions, batch) in a child process with a 1 GB heap limit, which must exit 0. A defect that ends a process
/// (access violation, stack overflow, out of memory) fails this test instead of the test run.
/// </summary>
public partial class LightGbmModelProcessTests
{
    [DataFact("fixtures/lightgbm")]
    public void ChildProcess_LoadsAndEvaluatesEveryMutant_ExitsZero()
    {
        var folder = Directory.CreateTempSubdirectory("labormarket-models-").FullName;
        try
        {
            var count = 0;
            var perFixture = Math.Max(10, LightGbmModelFuzzTests.MutantsPerFixture / 4);
            foreach (var name in LightGbmFixture.All)
            {
                var original = File.ReadAllText(new LightGbmFixture(name).ModelPath);
                File.WriteAllText(Path.Combine(folder, $"{name}.txt"), original);
                count++;
                var lines = original.Split('\n');
                var rng = new Random(name.Length * 104729);
                for (var i = 0; i < perFixture; i++)
                {
                    File.WriteAllText(Path.Combine(folder, $"{name}-{i:D4}.txt"), ModelMutator.Mutate(lines, rng).Text);
                    count++;
                }
            }

            var (exit, stdout, stderr) = RunChild(folder);

            Assert.True(exit == 0, $"the child exited {exit}: {stderr}");
            var m = Summary().Match(stdout);
            Assert.True(m.Success, stdout);
            Assert.Equal(count, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

            // The unmodified fixtures load, so at least that many models were evaluated.
            Assert.True(int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) >= LightGbmFixture.All.Length, stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Exit, string Stdout, string Stderr) RunChild(string folder)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(LightGbmModelProcessTests).Assembly.Location);
        start.ArgumentList.Add("probe-models");
        start.ArgumentList.Add(folder);
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x40000000";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();

        // A generous bound against a hang: the child is killed and the test fails rather than waiting forever.
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the child did not finish within 5 minutes");
        }

        return (process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }

    // The dotnet host running these tests, else the one the SDK names, else the one on the PATH.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
            : "dotnet";

    [GeneratedRegex(@"probed (\d+): loaded (\d+), refused (\d+)")]
    private static partial Regex Summary();
}
