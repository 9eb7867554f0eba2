using System.Diagnostics;

namespace LaborMarket.Cli.Tests.Solution;

/// <summary>The minimal sample app: it builds with the solution, runs on the real data, and is the README's quickstart.</summary>
public class QuickStartTests
{
    private static string Project => Path.Combine(TestData.RepoRoot, "samples", "LaborMarket.QuickStart");

    [Fact]
    public void Program_IsUnderFortyLines()
    {
        Assert.True(File.ReadAllLines(Path.Combine(Project, "Program.cs")).Length < 40);
    }

    [Fact]
    public void Readme_QuickstartIsTheSampleCode()
    {
        var program = File.ReadAllText(Path.Combine(Project, "Program.cs")).ReplaceLineEndings("\n").Trim();
        var readme = File.ReadAllText(Path.Combine(TestData.RepoRoot, "README.md")).ReplaceLineEndings("\n");

        Assert.Contains(program, readme, StringComparison.Ordinal);
    }

    [DataFact]
    public async Task Run_RealDataAndFixtureModel_NormalizesLooksUpAndPredicts()
    {
        // The solution build compiled the sample in this test's configuration; run that build.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var start = new ProcessStartInfo("dotnet", ["run", "--project", Project, "-c", configuration, "--no-build", "--",
            TestData.DataPath(""), TestData.FixturePath("lightgbm/regression_l2/model.txt")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, error);
        Assert.Contains("Software Engineer | Senior | SOC 15-1252", output, StringComparison.Ordinal);
        Assert.Contains("Florida: annual median", output, StringComparison.Ordinal);
        Assert.Contains("model role_id,seniority", output, StringComparison.Ordinal);
    }
}
