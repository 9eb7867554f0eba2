using System.CommandLine;
using LaborMarket.Cli.Hosting;

namespace LaborMarket.Cli.Semantic;

/// <summary>The commands of LaborMarket.Embeddings, registered in one place.</summary>
internal static class SemanticCommands
{
    public static IEnumerable<Command> Create(CliConsole console) =>
    [
        SimilarCommand.Create(console),
        ClusterCommand.Create(console),
        SuggestSocCommand.Create(console),
    ];

    /// <summary>Adds <c>--semantic</c> to the commands that take it (<c>normalize</c>).</summary>
    public static void Extend(RootCommand root, CliConsole console)
    {
        foreach (var command in root.Subcommands)
        {
            if (command.Name == "normalize")
            {
                SemanticNormalizeOption.Attach(command, console);
            }
        }
    }
}
