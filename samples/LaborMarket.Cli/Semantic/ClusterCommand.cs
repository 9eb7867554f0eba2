using System.CommandLine;
using System.Globalization;
using System.Text;
using LaborMarket.Cli.Hosting;
using LaborMarket.Embeddings.Clustering;
using LaborMarket.Normalization.Titles;
using Microsoft.Extensions.DependencyInjection;

namespace LaborMarket.Cli.Semantic;

/// <summary><c>labormarket cluster</c>: groups a file's titles by meaning and draws a map.</summary>
internal static class ClusterCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "A CSV file with a header row.", Required = true };
        var column = new Option<string?>("--column", "-c") { Description = "The column that holds the titles." };
        var kMin = new Option<int>("--k-min") { Description = "Fewest clusters tried.", DefaultValueFactory = _ => 8 };
        var kMax = new Option<int>("--k-max") { Description = "Most clusters tried.", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Seed of k-means++ (same seed, same clusters).", DefaultValueFactory = _ => 42 };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for assignments.csv, clusters.csv and map.png.", Required = true };
        var onetDb = SemanticHost.OnetDbOption(required: false);
        var command = new Command("cluster", "Cluster the distinct titles of a CSV column by meaning: k chosen by silhouette, named clusters, a PCA map (CSV and PNG).")
        {
            input, column, kMin, kMax, seed, output, onetDb,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var (lo, hi) = (parse.GetValue(kMin), parse.GetValue(kMax));
            if (lo < 2 || hi < lo || hi > 100)
            {
                throw new CliUserException("--k-min must be at least 2 and --k-max between --k-min and 100.");
            }

            using var host = await SemanticHost.StartAsync(parse.GetValue(onetDb), null, cancellationToken).ConfigureAwait(false);
            var titles = CorpusFile.ReadColumn(parse.GetValue(input)!, parse.GetValue(column)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (titles.Count <= hi)
            {
                throw new CliUserException($"{titles.Count} distinct titles are too few for up to {hi} clusters.");
            }

            var normalizer = host.Services.GetRequiredService<TitleNormalizer>();
            var codes = titles.Select(t => normalizer.Normalize(t).SocCode).ToList();
            var clusterer = host.Services.GetRequiredService<TitleClusterer>();
            var result = await clusterer.ClusterAsync(titles, codes,
                new ClusteringOptions { MinClusters = lo, MaxClusters = hi, Seed = parse.GetValue(seed) },
                SemanticHost.Progress(console), cancellationToken).ConfigureAwait(false);

            var dir = parse.GetValue(output)!;
            dir.Create();
            ClusterMap.WriteCsv(Path.Combine(dir.FullName, "assignments.csv"), titles, result);
            ClusterMap.WritePng(Path.Combine(dir.FullName, "map.png"), result);
            WriteSummary(Path.Combine(dir.FullName, "clusters.csv"), result);

            var o = console.Out;
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{titles.Count:N0} distinct titles, k={result.K} (silhouette {result.Silhouette:0.000}; tried {string.Join(", ", result.Tried.Select(t => $"{t.Key}:{t.Value:0.000}"))})")).ConfigureAwait(false);
            foreach (var c in result.Clusters)
            {
                await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Id,3} {c.Size,6:N0} sil {c.Silhouette,6:0.000}  {c.Name}  [{string.Join(", ", c.SocGroups)}]  e.g. {string.Join(" | ", c.Examples.Take(3))}")).ConfigureAwait(false);
            }

            await o.WriteLineAsync($"wrote {Path.Combine(dir.FullName, "assignments.csv")}, clusters.csv and map.png").ConfigureAwait(false);
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteSummary(string path, ClusteringResult result)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        CsvText.WriteRow(writer, ["cluster", "name", "size", "silhouette", "words", "soc_major_groups", "examples"]);
        foreach (var c in result.Clusters)
        {
            CsvText.WriteRow(writer, [c.Id.ToString(CultureInfo.InvariantCulture), c.Name, c.Size.ToString(CultureInfo.InvariantCulture),
                c.Silhouette.ToString("0.0000", CultureInfo.InvariantCulture), string.Join(' ', c.Words), string.Join("; ", c.SocGroups), string.Join(" | ", c.Examples)]);
        }
    }
}
