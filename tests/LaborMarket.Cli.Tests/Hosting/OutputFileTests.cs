namespace LaborMarket.Cli.Tests.Hosting;

public class OutputFileTests
{
    private const string Input = "id,title\n1,Welder\n2,Registered Nurse\n";

    [Fact]
    public async Task Normalize_OutputIsTheInput_IsRefusedAndTheInputIsIntact()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var file = Path.Combine(folder, "titles.csv");
        await File.WriteAllTextAsync(file, Input);

        // The same file spelled another way, and through a symbolic link.
        var link = Path.Combine(folder, "link.csv");
        File.CreateSymbolicLink(link, file);
        var (code, output, error) = await CliRunner.RunAsync("normalize", "-i", file, "-c", "title", "-o", Path.Combine(folder, ".", "titles.csv"), "--force");
        var (linkCode, _, _) = await CliRunner.RunAsync("normalize", "-i", link, "-c", "title", "-o", file, "--force");

        Assert.Equal(2, code);
        Assert.Equal(2, linkCode);
        Assert.Equal("", output);
        Assert.Contains("same file as the input", error, StringComparison.Ordinal);
        Assert.Equal(Input, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task ModelTrain_OutputIsTheTrainingFile_IsRefusedAndTheFileIsIntact()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "train.csv");
        await File.WriteAllTextAsync(file, "y,x\n1,2\n2,3\n3,4\n");

        var (code, _, _) = await CliRunner.RunAsync("model", "train", "-i", file, "-l", "y", "-o", file, "--force");

        Assert.Equal(2, code);
        Assert.Equal("y,x\n1,2\n2,3\n3,4\n", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Normalize_ExistingOutput_IsReplacedOnlyWithForce()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var input = Path.Combine(folder, "titles.csv");
        var output = Path.Combine(folder, "out.csv");
        await File.WriteAllTextAsync(input, Input);
        await File.WriteAllTextAsync(output, "keep me");

        var (refused, _, error) = await CliRunner.RunAsync("normalize", "-i", input, "-c", "title", "-o", output);
        var kept = await File.ReadAllTextAsync(output);
        var (forced, _, _) = await CliRunner.RunAsync("normalize", "-i", input, "-c", "title", "-o", output, "--force");

        Assert.Equal(2, refused);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal("keep me", kept);
        Assert.Equal(0, forced);
        Assert.StartsWith("row,input,role_id", await File.ReadAllTextAsync(output), StringComparison.Ordinal);
        Assert.Equal(["out.csv", "titles.csv"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Normalize_Dash_ReadsStdinAndWritesStdout()
    {
        var (code, output, _) = await CliRunner.RunWithInputAsync(Input, "normalize", "-i", "-", "-c", "title", "-o", "-");

        Assert.Equal(0, code);
        Assert.Equal(3, output.TrimEnd().Split('\n').Length);
        Assert.Contains("2,Registered Nurse,registered-nurse,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_Interrupted_ExitsInterruptedAndLeavesNoOutputFile()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var output = Path.Combine(folder, "out.csv");
        using var interrupt = new CancellationTokenSource();
        using var endless = new EndlessTitles(50_000, interrupt);

        var (code, stdout, error) = await CliRunner.RunWithReaderAsync(endless, interrupt.Token, "normalize", "-o", output);

        Assert.Equal(130, code);
        Assert.Equal("", stdout);
        Assert.Contains("interrupted", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    /// <summary>Real titles without end on stdin; asks for cancellation (as Ctrl+C would) after some lines.</summary>
    private sealed class EndlessTitles(int cancelAfter, CancellationTokenSource interrupt) : TextReader
    {
        private static readonly string[] Titles = ["Registered Nurse", "Sr Welder", "POLICE OFFICER", "Software Engineer II", "Dir., Talent Acq."];
        private int _lines;

        public override string? ReadLine()
        {
            if (++_lines == cancelAfter)
            {
                interrupt.Cancel();
            }

            return Titles[_lines % Titles.Length];
        }
    }
}
