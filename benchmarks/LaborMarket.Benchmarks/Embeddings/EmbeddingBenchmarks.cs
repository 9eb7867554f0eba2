using BenchmarkDotNet.Attributes;
using LaborMarket.Embeddings.Embedding;
using LaborMarket.Embeddings.Occupations;
using LaborMarket.Embeddings.Search;
using LaborMarket.Embeddings.Titles;
using LaborMarket.Files;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Benchmarks.Embeddings;

/// <summary>
/// Embedding and semantic normalization on real titles (H-1B sample): the model batched on all cores, the semantic
/// normalizer on distinct titles (every one embedded) and on the real stream (repeats and exact aliases), exact top-k
/// search over every O*NET 27.0 title, and loading the cached O*NET title index. The index is built on first run
/// (minutes) and cached in the temp folder.
/// </summary>
[MemoryDiagnoser]
public class EmbeddingBenchmarks
{
    private const int Batch = 256;
    private MiniLmTextEmbedder _embedder = null!;
    private OnetSemanticIndex _index = null!;
    private TitleNormalizer _lexical = null!;
    private SemanticTitleNormalizer _warm = null!;
    private string[] _stream = [];
    private string[] _distinct = [];
    private float[] _query = [];
    private float[] _queries = [];
    private string _cacheFile = "";

    [GlobalSetup]
    public void Setup()
    {
        _stream = [.. JobTitles(BenchmarkData.DataPath("titles/h1b_lca_fy2016_sample_train.csv"))];
        _distinct = [.. _stream.Distinct(StringComparer.OrdinalIgnoreCase).Take(Batch)];
        _embedder = new MiniLmTextEmbedder();
        var cache = Path.Combine(Path.GetTempPath(), "labormarket-embeddings-cache");
        _index = OnetSemanticIndex.LoadOrBuildAsync(_embedder, BenchmarkData.DataPath("onet/db_27_0_text"), cache, includeOccupations: false)
            .GetAwaiter().GetResult();
        _cacheFile = Directory.GetFiles(cache, "onet-titles-*.lmvi").OrderByDescending(File.GetLastWriteTimeUtc).First();
        _lexical = TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = BenchmarkData.DataPath("onet/db_27_0_text") });
        _warm = new SemanticTitleNormalizer(_lexical, _index, _embedder);
        _warm.NormalizeAllAsync(_stream).GetAwaiter().GetResult();
        _query = _index.Titles.Vector(12_345).ToArray();
        _queries = [.. Enumerable.Range(0, Batch).SelectMany(i => _index.Titles.Vector(i * 197).ToArray())];
    }

    // The JOB_TITLE column, read by the family's delimited-text reader (employer names before it hold quoted commas).
    private static List<string> JobTitles(string path)
    {
        using var reader = DelimitedTextReader.OpenFile(path);
        reader.ReadHeader();
        var column = reader.Require("JOB_TITLE");
        var titles = new List<string>();
        while (reader.Read())
        {
            if (reader.GetString(column) is { Length: > 0 } title)
            {
                titles.Add(title);
            }
        }

        return titles;
    }

    [GlobalCleanup]
    public void Cleanup() => _embedder.Dispose();

    /// <summary>The model alone: 256 distinct real titles, batches of 64 (per title).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public async Task<int> EmbedTitlesBatched() => (await _embedder.EmbedManyAsync(_distinct, 64)).Length;

    /// <summary>Semantic normalization of 256 distinct titles with an empty cache (the weak ones embedded; per title).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<int> SemanticNormalizeDistinct() =>
        (await new SemanticTitleNormalizer(_lexical, _index, _embedder).NormalizeAllAsync(_distinct)).Count;

    /// <summary>Semantic normalization of the real H-1B stream (3,399 rows) with every title seen before (per title).</summary>
    [Benchmark(OperationsPerInvoke = 3_399)]
    public async Task<int> SemanticNormalizeSeenStream() => (await _warm.NormalizeAllAsync(_stream)).Count;

    /// <summary>Exact cosine top-10 over all 53,767 O*NET 27.0 titles (one query).</summary>
    [Benchmark]
    public int SearchTopTen() => _index.Titles.Search(_query, 10).Count;

    /// <summary>Exact cosine top-10 for 256 queries at once over all 53,767 O*NET 27.0 titles (per query).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int SearchManyTopTen() => _index.Titles.SearchMany(_queries, 10).Length;

    /// <summary>Loading the cached O*NET title index (float16 file, 43 MB).</summary>
    [Benchmark]
    public int LoadCachedTitleIndex() => VectorIndexFile.Load(_cacheFile).Index.Count;
}
