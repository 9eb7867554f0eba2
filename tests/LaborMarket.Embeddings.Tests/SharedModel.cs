using LaborMarket.Embeddings.Embedding;
using LaborMarket.Embeddings.Occupations;

namespace LaborMarket.Embeddings.Tests;

/// <summary>One model and one small O*NET index for the whole test run (loading the model takes about a second).</summary>
internal static class SharedModel
{
    private static readonly Lazy<MiniLmTextEmbedder> EmbedderLazy = new(() => new MiniLmTextEmbedder());
    private static readonly Lazy<OnetSemanticIndex> IndexLazy = new(() =>
        OnetSemanticIndex.LoadOrBuildAsync(Embedder, OnetSubset.Path, CacheDirectory).GetAwaiter().GetResult());

    public static MiniLmTextEmbedder Embedder => EmbedderLazy.Value;

    public static OnetSemanticIndex SubsetIndex => IndexLazy.Value;

    public static string CacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "labormarket-embeddings-test-cache-" + Environment.ProcessId);
}
