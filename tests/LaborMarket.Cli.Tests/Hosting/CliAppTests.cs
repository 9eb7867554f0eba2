namespace LaborMarket.Cli.Tests.Hosting;

public class CliAppTests
{
    [Fact]
    public async Task RunAsync_Help_DescribesTheToolAndExitsZero()
    {
        var (code, output, _) = await CliRunner.RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("labormarket", output, StringComparison.Ordinal);
        Assert.Contains("normalize job titles", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Version_PrintsAssemblyVersion()
    {
        var (code, output, _) = await CliRunner.RunAsync("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_IsAUsageErrorWithoutStackTrace()
    {
        var (code, _, error) = await CliRunner.RunAsync("no-such-command");

        Assert.Equal(2, code);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
