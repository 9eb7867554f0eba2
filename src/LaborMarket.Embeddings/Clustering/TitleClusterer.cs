using System.Globalization;
using System.Numerics.Tensors;
using LaborMarket.Embeddings.Embedding;

namespace LaborMarket.Embeddings.Clustering;

/// <summary>
/// Clusters texts (titles, or titles with descriptions) by their embeddings: k-means for each k in a range, the k
/// with the best mean silhouette kept; clusters named by their most distinctive words and most common SOC groups;
/// a 2-D PCA map of every text.
/// </summary>
public sealed class TitleClusterer(ITextEmbedder embedder)
{
    private static readonly char[] Separators = [' ', ',', '-', '/', '(', ')', '&', '.', ';', ':', '\t'];

    // Words that say nothing of the work: they would otherwise name a cluster ("asst / chief / the").
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "from", "into", "our", "all", "any", "per", "non", "not",
    };

    /// <summary>Embeds and clusters <paramref name="texts"/>; <paramref name="codes"/> (same order, may hold nulls) names SOC groups.</summary>
    /// <param name="texts">The texts; repeats are embedded once.</param>
    /// <param name="codes">Each text's SOC code when known (for example from the title normalizer); may be null.</param>
    /// <param name="options">k range, seed and limits.</param>
    /// <param name="progress">Told after each embedding batch.</param>
    /// <param name="cancellationToken">Cancels embedding and clustering.</param>
    public async Task<ClusteringResult> ClusterAsync(IReadOnlyList<string> texts, IReadOnlyList<SocCode?>? codes = null,
        ClusteringOptions? options = null, IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new ClusteringOptions();
        if (options.MinClusters < 2 || options.MaxClusters < options.MinClusters)
        {
            throw new ArgumentException($"The k range {options.MinClusters}-{options.MaxClusters} must start at 2 or more and not be reversed.", nameof(options));
        }

        if (texts.Count <= options.MaxClusters)
        {
            throw new ArgumentException($"{texts.Count} texts are too few for up to {options.MaxClusters} clusters.", nameof(texts));
        }

        if (codes is not null && codes.Count != texts.Count)
        {
            throw new ArgumentException("codes must have one entry per text.", nameof(codes));
        }

        var dims = embedder.Dimensions;
        var data = await embedder.EmbedManyAsync(texts, 64, progress, "texts", cancellationToken).ConfigureAwait(false);
        var n = texts.Count;
        var sample = Silhouette.Sample(n, options.SilhouetteSample, options.Seed);
        var tried = new List<KeyValuePair<int, double>>();
        (int K, double Score, int[] Assignments, float[] Centroids, double[] PerRow) best = (0, double.MinValue, [], [], []);
        for (var k = options.MinClusters; k <= options.MaxClusters; k++)
        {
            var (assignments, centroids) = KMeans.Run(data, n, dims, k, options.Seed, options.MaxIterations, cancellationToken);
            var perRow = Silhouette.PerRow(data, dims, assignments, k, sample, cancellationToken);
            var score = perRow.Average();
            tried.Add(new(k, Math.Round(score, 4)));
            if (score > best.Score)
            {
                best = (k, score, assignments, centroids, perRow);
            }
        }

        var clusters = Summarize(texts, codes, data, dims, best.Assignments, best.Centroids, best.K, sample, best.PerRow);

        // Renumber so that cluster 0 is the largest.
        var renumber = new int[best.K];
        for (var i = 0; i < clusters.Count; i++)
        {
            renumber[clusters[i].Id] = i;
        }

        var assigned = best.Assignments.Select(a => renumber[a]).ToArray();
        clusters = [.. clusters.Select((c, i) => c with { Id = i })];
        return new ClusteringResult(best.K, Math.Round(best.Score, 4), assigned, clusters, tried, PcaProjection.Project(data, n, dims));
    }

    private static List<ClusterSummary> Summarize(IReadOnlyList<string> texts, IReadOnlyList<SocCode?>? codes, float[] data, int dims,
        int[] assignments, float[] centroids, int k, int[] sample, double[] perRow)
    {
        // Distinctive words: share of the cluster's texts that use the word, over its share in all texts.
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new string[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            words[i] = [.. texts[i].ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2 && !char.IsDigit(w[0]) && !StopWords.Contains(w)).Distinct()];
            foreach (var w in words[i])
            {
                documentFrequency[w] = documentFrequency.GetValueOrDefault(w) + 1;
            }
        }

        var result = new List<ClusterSummary>(k);
        for (var c = 0; c < k; c++)
        {
            var members = Enumerable.Range(0, texts.Count).Where(i => assignments[i] == c).ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            var counts = members.SelectMany(i => words[i]).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
            var top = counts.Where(x => x.Value >= 2 || members.Length < 5)
                .OrderByDescending(x => (double)x.Value / members.Length * Math.Log((double)texts.Count / documentFrequency[x.Key]))
                .ThenBy(x => x.Key, StringComparer.Ordinal)
                .Take(5).Select(x => x.Key).ToArray();
            var groups = codes is null ? [] : members.Where(i => codes[i] is not null).GroupBy(i => codes[i]!.Value.Major)
                .OrderByDescending(g => g.Count()).Take(3)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ({(double)g.Count() / members.Length:P0})")).ToArray();
            var centre = centroids.AsSpan(c * dims, dims).ToArray();
            var examples = members.OrderBy(i => KMeans.SquaredDistance(data.AsSpan(i * dims, dims), centre))
                .Select(i => texts[i]).Distinct(StringComparer.OrdinalIgnoreCase).Take(5).ToArray();
            var sil = sample.Select((row, j) => (row, j)).Where(x => assignments[x.row] == c).Select(x => perRow[x.j]).DefaultIfEmpty(0).Average();
            var name = top.Length == 0 ? examples[0] : string.Join(" / ", top.Take(3));
            result.Add(new ClusterSummary(c, name, members.Length, Math.Round(sil, 4), top, groups, examples));
        }

        return [.. result.OrderByDescending(r => r.Size).ThenBy(r => r.Id)];
    }
}
