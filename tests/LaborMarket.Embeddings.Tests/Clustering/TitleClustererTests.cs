using LaborMarket.Embeddings.Clustering;
using Xunit.Abstractions;

namespace LaborMarket.Embeddings.Tests.Clustering;

public class TitleClustererTests(ITestOutputHelper output)
{
    [DataFact]
    public async Task ClusterAsync_TitlesOfFourGroups_FindsPureNamedClustersAndWritesTheMap()
    {
        var entries = SharedModel.SubsetIndex.Titles.Entries.Where((_, i) => i % 3 == 0).ToList();
        var titles = entries.Select(e => e.Text).ToList();
        var codes = entries.Select(e => (SocCode?)e.Code!.Value.Soc).ToList();

        var result = await new TitleClusterer(SharedModel.Embedder).ClusterAsync(titles, codes, new ClusteringOptions { MinClusters = 3, MaxClusters = 6 });
        foreach (var c in result.Clusters)
        {
            output.WriteLine($"{c.Id} {c.Size} {c.Silhouette:0.00} {c.Name} [{string.Join(", ", c.SocGroups)}]");
        }

        Assert.Equal(titles.Count, result.Assignments.Count);
        Assert.Equal(titles.Count, result.Map.Count);
        Assert.Equal(4, result.Tried.Count);
        Assert.Equal(result.Tried.Max(t => t.Value), result.Silhouette, 3);
        Assert.True(result.Silhouette > 0.03, $"silhouette {result.Silhouette}");
        Assert.Equal(result.Clusters.Select(c => c.Size).OrderByDescending(s => s), result.Clusters.Select(c => c.Size));
        var purity = result.Clusters.Sum(c => Enumerable.Range(0, titles.Count).Where(i => result.Assignments[i] == c.Id)
            .GroupBy(i => codes[i]!.Value.Major).Max(g => g.Count())) / (double)titles.Count;
        Assert.True(purity >= 0.75, $"purity {purity:P0}");
        Assert.All(result.Clusters, c => Assert.NotEmpty(c.Words));

        var again = await new TitleClusterer(SharedModel.Embedder).ClusterAsync(titles, codes, new ClusteringOptions { MinClusters = 3, MaxClusters = 6 });
        Assert.Equal(result.Assignments, again.Assignments);

        var dir = Directory.CreateTempSubdirectory("lm-cluster-").FullName;
        ClusterMap.WritePng(Path.Combine(dir, "map.png"), result);
        ClusterMap.WriteCsv(Path.Combine(dir, "map.csv"), titles, result);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(Path.Combine(dir, "map.png"))[..4]);
        Assert.Equal(titles.Count + 1, File.ReadAllLines(Path.Combine(dir, "map.csv")).Length);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task ClusterAsync_TooFewTexts_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => new TitleClusterer(SharedModel.Embedder).ClusterAsync(["Cook", "Baker", "Nurse"]));
}
