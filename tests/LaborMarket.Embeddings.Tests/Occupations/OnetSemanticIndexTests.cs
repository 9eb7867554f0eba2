using LaborMarket.Embeddings.Embedding;
using LaborMarket.Embeddings.Occupations;

namespace LaborMarket.Embeddings.Tests.Occupations;

public class OnetSemanticIndexTests
{
    [DataFact]
    public async Task LoadOrBuildAsync_SecondCall_ReadsTheCacheWithTheSameVectors()
    {
        var cache = Path.Combine(Path.GetTempPath(), $"lm-onet-cache-{Environment.ProcessId}");
        var folder = OnetSubset.Create(["27"], 2, 2);
        var reports = 0;
        var built = await OnetSemanticIndex.LoadOrBuildAsync(SharedModel.Embedder, folder, cache, true, new Counter(() => reports++));
        var files = Directory.GetFiles(cache, "*.lmvi");
        var loaded = await OnetSemanticIndex.LoadOrBuildAsync(SharedModel.Embedder, folder, cache, true, new Counter(() => reports += 1000));

        Assert.InRange(reports, 2, 999);   // progress while building, none while loading
        Assert.Equal(2, files.Length);
        Assert.Equal(built.Titles.Entries, loaded.Titles.Entries);
        Assert.Equal(built.Occupations.Count, loaded.Occupations.Count);
        Assert.Contains(built.Titles.Entries, e => e.Kind == OnetSemanticIndex.OccupationTitleKind);
        Assert.Contains(built.Occupations.Entries, e => e.Kind == OnetSemanticIndex.TaskKind);
        Assert.True(System.Numerics.Tensors.TensorPrimitives.Dot(built.Titles.Vector(3), loaded.Titles.Vector(3)) > 0.999f);
        Directory.Delete(cache, recursive: true);
    }

    private sealed class Counter(Action tick) : IProgress<EmbeddingProgress>
    {
        public void Report(EmbeddingProgress value) => tick();
    }
}
