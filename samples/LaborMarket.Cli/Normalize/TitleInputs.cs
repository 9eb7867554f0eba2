using LaborMarket.Cli.Hosting;

namespace LaborMarket.Cli.Normalize;

/// <summary>The checks on where normalize's titles come from, shared by the lexical and the semantic runs.</summary>
internal static class TitleInputs
{
    /// <summary>Refuses titles given both ways, a --column without a CSV, waiting on a terminal, and a missing input file.</summary>
    public static void Check(IReadOnlyList<string> given, string? inputPath, string? column, CliConsole console)
    {
        if (given.Count > 0 && inputPath is not null)
        {
            throw new CliUsageException("give titles as arguments or --input, not both");
        }

        if (given.Count > 0 && column is not null)
        {
            throw new CliUsageException("--column names a column of --input or of CSV on stdin, not of titles given as arguments");
        }

        if (given.Count == 0 && (inputPath is null || CliPaths.IsStandard(inputPath)) && console.InIsTerminal)
        {
            throw new CliUsageException(
                "no titles: pass them as arguments (labormarket normalize \"Sr Welder\"), as a CSV file (--input FILE.csv --column TITLE), or one per line on stdin (cat titles.txt | labormarket normalize)");
        }

        if (inputPath is not null && !CliPaths.IsStandard(inputPath) && !File.Exists(inputPath))
        {
            throw new CliUserException($"input file '{Path.GetFullPath(inputPath)}' does not exist.");
        }
    }
}
