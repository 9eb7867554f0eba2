using System.CommandLine;
using LaborMarket.Cli.Hosting;
using LaborMarket.Embeddings;
using LaborMarket.Embeddings.Embedding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LaborMarket.Cli.Semantic;

/// <summary>The options and host the semantic commands share: the O*NET release, the cache folder, progress on stderr.</summary>
internal static class SemanticHost
{
    public static Option<DirectoryInfo?> OnetDbOption(bool required) => new("--onet-db")
    {
        Description = "O*NET database text release (folder) to embed: titles, descriptions and tasks (cached after the first run).",
        Required = required,
    };

    public static Option<DirectoryInfo?> CacheOption() => new("--cache-dir")
    {
        Description = "Where the O*NET semantic index is cached (default: the user's local application data folder).",
    };

    /// <summary>The <c>--top</c> option of a command that shows 1 to <paramref name="max"/> results.</summary>
    public static Option<int> TopOption(string description, int defaultValue, int max) => new("--top", "-k")
    {
        Description = $"{description} (1-{max}).",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>A <c>--top</c> value, checked against its range.</summary>
    public static int Top(int value, int max) =>
        value < 1 || value > max ? throw new CliUserException($"--top must be between 1 and {max}.") : value;

    public static async Task<IHost> StartAsync(DirectoryInfo? onetDb, DirectoryInfo? cache, CancellationToken cancellationToken)
    {
        if (onetDb is { Exists: false })
        {
            throw new CliUserException($"O*NET folder '{onetDb.FullName}' does not exist.");
        }

        var host = CliHost.Build(services =>
        {
            services.AddLaborMarketNormalization(o => o.OnetDatabasePath = onetDb?.FullName);
            services.AddLaborMarketEmbeddings(o =>
            {
                o.OnetDatabasePath = onetDb?.FullName;
                o.CacheDirectory = cache?.FullName;
            });
        });
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>Progress of an embedding run, one line per stage on a terminal.</summary>
    public static IProgress<EmbeddingProgress> Progress(CliConsole console)
    {
        ProgressLine? line = null;
        var stage = "";
        return new SynchronousProgress(p =>
        {
            if (p.Stage != stage)
            {
                stage = p.Stage;
                line = new ProgressLine(console, "embedding " + p.Stage, p.Total);
            }

            line!.Report(p.Completed);
            if (p.Completed == p.Total)
            {
                line.Done(p.Completed);
            }
        });
    }

    private sealed class SynchronousProgress(Action<EmbeddingProgress> report) : IProgress<EmbeddingProgress>
    {
        public void Report(EmbeddingProgress value) => report(value);
    }
}
