using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using LaborMarket.Normalization.Text;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Normalization.Tests.Titles;

/// <summary>
/// No input makes the normalizer throw, alone or in a batch, under invariant and ICU globalization; the work per title
/// is bounded by its first 256 characters.
/// </summary>
public class HostileInputTests
{
    private static string AlternateTitles => Path.Combine(TitleEvaluation.OnetDb, "Alternate Titles.txt");

    private const int Seed = 20261203;
    private const int Count = 100_000;

    [DataFact]
    public void Normalize_100000HostileStrings_InvariantGlobalization_NeverThrows()
    {
        var failures = HostileTitleRun.Run(Seed, Count, HostileTitleRun.RealTitles(AlternateTitles));

        Assert.False(HostileTitleRun.UsesIcu()); // the repository builds with InvariantGlobalization
        Assert.Empty(failures);
    }

    [DataFact]
    public void Normalize_100000HostileStrings_IcuGlobalization_NeverThrows()
    {
        // The globalization mode is fixed at start (the runtime configuration wins over the environment): run the same
        // suite in a child process of this assembly, with a copy of its runtime configuration that turns ICU on.
        var dir = Directory.CreateTempSubdirectory("labormarket-icu-");
        try
        {
            var name = typeof(HostileInputTests).Assembly.GetName().Name!;
            var config = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, name + ".runtimeconfig.json")))!;
            config["runtimeOptions"]!["configProperties"]!["System.Globalization.Invariant"] = false;
            var configPath = Path.Combine(dir.FullName, name + ".runtimeconfig.json");
            File.WriteAllText(configPath, config.ToJsonString());

            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in (string[])["exec", "--runtimeconfig", configPath, "--depsfile", Path.Combine(AppContext.BaseDirectory, name + ".deps.json"),
                Path.Combine(AppContext.BaseDirectory, name + ".dll"), "hostile-titles", Seed.ToString(CultureInfo.InvariantCulture),
                Count.ToString(CultureInfo.InvariantCulture), AlternateTitles])
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment.Remove("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
            using var child = Process.Start(start)!;
            var error = child.StandardError.ReadToEndAsync();
            var output = child.StandardOutput.ReadToEnd();
            Assert.True(child.WaitForExit(TimeSpan.FromMinutes(5)), "the child process did not finish");

            // A machine without libicu fails here: the child cannot start with ICU globalization.
            Assert.True(child.ExitCode == 0, $"exit {child.ExitCode}: {output} {error.Result}");
            Assert.StartsWith("globalization=icu failures=0", output, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Normalize_OneMegabyteTitle_ReadsOnlyTheFirst256Characters()
    {
        var head = "Senior Registered Nurse ";
        var huge = head + new string('x', 1 << 20);

        var m = TitleNormalizer.Create().Explain(huge);
        var prefix = TitleNormalizer.Create().Explain(huge[..TitleCleaner.MaxInputLength]);

        Assert.Equal("registered-nurse", m.Match.Role?.Id);
        Assert.Equal(prefix.CleanedTitle, m.CleanedTitle);
        Assert.Equal(prefix.Match.Role, m.Match.Role);
    }

    [Fact]
    public void Normalize_FullWidthAndAccents_FoldToAscii()
    {
        var m = TitleNormalizer.Default.Normalize("ＳＥＮＩＯＲ　ＥＮＧＩＮＥＥＲ, Ｓｏｆｔｗａｒｅ");

        Assert.Equal("software-engineer", m.Role?.Id);
        Assert.Equal("restaurant-manager", TitleNormalizer.Default.Normalize("Café Manager").Role?.Id);
    }
}
