using LaborMarket.Embeddings.Embedding;
using LaborMarket.Embeddings.Titles;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Embeddings.Tests.Titles;

public class SemanticTitleNormalizerTests
{
    private static readonly Lazy<TitleNormalizer> Lexical = new(() => TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = OnetSubset.Path }));

    [DataFact]
    public async Task NormalizeAllAsync_ExactAliasStaysLexical_WeakTitlesConsultEmbeddingsOnce()
    {
        var counting = new CountingEmbedder(SharedModel.Embedder);
        var normalizer = new SemanticTitleNormalizer(Lexical.Value, SharedModel.SubsetIndex, counting);
        string[] titles = ["Registered Nurse", "night shift ICU RN float pool", "night shift ICU RN float pool", "Driver of 18-wheeler, long haul OTR", "Registered Nurse"];

        var results = await normalizer.NormalizeAllAsync(titles, 5);

        Assert.Equal(titles, results.Select(r => r.Input));
        Assert.False(results[0].UsedSemantic);
        Assert.Equal("29-1141", results[0].SocCode?.ToString());
        Assert.True(results[1].UsedSemantic);
        Assert.Equal("29", results[1].SocCode?.ToString()[..2]);
        Assert.Equal("53", results[3].SocCode?.ToString()[..2]);
        Assert.Equal(results[1].Candidates, results[2].Candidates);
        Assert.Equal(results[1].Confidence, results[2].Confidence);
        Assert.Equal(2, counting.Texts);   // two distinct weak titles, embedded once each
        Assert.All(results, r => Assert.InRange(r.Confidence, 0, 1));
        Assert.All(results, r => Assert.Equal(r.Candidates.OrderByDescending(c => c.Score).Select(c => c.Soc), r.Candidates.Select(c => c.Soc)));
    }

    [DataFact]
    public async Task NormalizeAsync_EmptyTitle_IsUnmatchedWithoutError()
    {
        var normalizer = new SemanticTitleNormalizer(Lexical.Value, SharedModel.SubsetIndex, SharedModel.Embedder);

        var m = await normalizer.NormalizeAsync("   ");

        Assert.False(m.IsMatch);
        Assert.Empty(m.Candidates);
        Assert.Equal(0, m.Confidence);
    }

    private sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
    {
        public int Texts;

        public int Dimensions => inner.Dimensions;

        public string ModelId => inner.ModelId;

        public ValueTask<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Interlocked.Add(ref Texts, texts.Count);
            return inner.EmbedAsync(texts, cancellationToken);
        }
    }
}
