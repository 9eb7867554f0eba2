namespace LaborMarket.Cli.Tests.Hosting;

public class UsageErrorTests
{
    [Theory]
    [InlineData("--colum", "--column", "normalize", "--colum", "title", "Welder")]
    [InlineData("--ouput", "--output", "normalize", "--ouput", "x.csv", "Welder")]
    [InlineData("--onetdb", "--onet-db", "normalize", "--onetdb", "/tmp", "Welder")]
    [InlineData("--contry", "--county", "wages", "--soc", "29-1141", "--contry", "12103")]
    public async Task Run_MistypedOption_ExitsTwoSuggestingTheOption(string typo, string suggestion, params string[] args)
    {
        var (code, output, error) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains($"'{typo}'", error, StringComparison.Ordinal);
        Assert.Contains($"did you mean '{suggestion}'", error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("normalize", "--bogus")]
    [InlineData("wages", "--soc")]
    [InlineData("normalize", "--top")]
    [InlineData("normalize", "--format", "xml", "Welder")]
    [InlineData("model", "predict", "--model", "m.txt", "--input", "x.csv", "--raw", "--leaf")]
    [InlineData("wages", "--soc", "29-1141", "--county", "12103", "--state", "FL")]
    public async Task Run_BadCommandLine_ExitsTwoWithNothingOnStdout(params string[] args)
    {
        var (code, output, error) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_TitlesAndInput_IsAUsageError()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "t.csv");
        await File.WriteAllTextAsync(file, "title\nWelder\n");

        var (code, output, error) = await CliRunner.RunAsync("normalize", "--input", file, "Plumber");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("not both", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_DashDash_PassesATitleThatStartsWithADash()
    {
        var (code, output, _) = await CliRunner.RunAsync("normalize", "--", "-Welder");

        Assert.Equal(0, code);
        Assert.Contains("1,-Welder,welder,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheExitCodes()
    {
        var (code, output, _) = await CliRunner.RunAsync("normalize", "--help");

        Assert.Equal(0, code);
        Assert.Contains("Exit codes: 0 success; 1 bad input or data", output, StringComparison.Ordinal);
        Assert.Contains("130 interrupted", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wages", "--soc")]
    [InlineData("programs", "--soc")]
    [InlineData("occupations", "--cip")]
    public async Task Help_OnACommandWithRequiredOptions_ShowsHelp(string command, string required)
    {
        var (code, output, error) = await CliRunner.RunAsync(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains(required, output, StringComparison.Ordinal);
        Assert.DoesNotContain("error", error, StringComparison.OrdinalIgnoreCase);
    }
}
