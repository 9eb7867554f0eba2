using System.CommandLine;
using LaborMarket.Cli.Hosting;

namespace LaborMarket.Cli.Programs;

/// <summary>The options the programs, occupations and related commands share: data folder, O*NET release, format and output.</summary>
internal sealed class ProgramsCliOptions
{
    public Option<DirectoryInfo?> Data { get; } = new("--data") { Description = "Folder with the CIP-SOC crosswalk, the CIP code list and O*NET releases, searched by file name (default: env LABORMARKET_DATA)." };

    public Option<DirectoryInfo?> OnetDb { get; } = new("--onet-db") { Description = "O*NET database text release folder (default: the one found under --data)." };

    public Option<string> Format { get; } = CreateFormat();

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write to this file instead of stdout (replaced only when the command succeeds)." };

    public Option<bool> Force { get; } = new("--force") { Description = "Replace an existing --output file." };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(OnetDb);
        command.Options.Add(Format);
        command.Options.Add(Output);
        command.Options.Add(Force);
    }

    /// <summary>Checks --output, runs <paramref name="write"/> into it, and moves the file into place on success.</summary>
    public async Task WriteAsync(ParseResult parse, CliConsole console, Action<TextWriter, string> write)
    {
        var path = parse.GetValue(Output);
        OutputFile.Check(path, "--output", [], parse.GetValue(Force));
        await using var output = OutputFile.Open(path, console.Out);
        write(output.Writer, parse.GetValue(Format)!);
        await output.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>A --top value: a positive count.</summary>
    public static Option<int> Top(int byDefault) => new("--top", "-k") { Description = $"How many to list (default {byDefault}).", DefaultValueFactory = _ => byDefault };

    public static int CheckTop(ParseResult parse, Option<int> top)
    {
        var k = parse.GetValue(top);
        return k > 0 ? k : throw new CliUsageException($"--top must be 1 or more, not {k}.");
    }

    private static Option<string> CreateFormat()
    {
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        return format;
    }
}
