using LaborMarket.Embeddings.Embedding;
using LaborMarket.Embeddings.Occupations;
using LaborMarket.Embeddings.Titles;
using LaborMarket.Normalization.Titles;
using Microsoft.Extensions.Options;

namespace LaborMarket.Embeddings;

/// <summary>
/// The O*NET-backed services, built on first use: the semantic index (loaded from the cache, or embedded once with
/// progress), the semantic title normalizer and the SOC suggester. Register with <c>AddLaborMarketEmbeddings</c>.
/// </summary>
public sealed class OnetSemanticServices : IDisposable
{
    private readonly ITextEmbedder _embedder;
    private readonly EmbeddingsOptions _options;
    private readonly Func<TitleNormalizer> _lexical;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OnetSemanticIndex? _index;
    private OnetSemanticIndex? _titleIndex;
    private SemanticTitleNormalizer? _normalizer;

    /// <summary>Creates the services (nothing is loaded until first use).</summary>
    /// <param name="embedder">The model.</param>
    /// <param name="options">Where O*NET and the cache are.</param>
    /// <param name="lexical">The lexical normalizer, best with the same O*NET release; null to create one from <paramref name="options"/>.</param>
    public OnetSemanticServices(ITextEmbedder embedder, IOptions<EmbeddingsOptions> options, TitleNormalizer? lexical = null)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(options);
        _embedder = embedder;
        _options = options.Value;
        var created = new Lazy<TitleNormalizer>(() => lexical is { HasOnetDatabase: true } || _options.OnetDatabasePath is null
            ? lexical ?? TitleNormalizer.Default
            : TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = _options.OnetDatabasePath }));
        _lexical = () => created.Value;
    }

    /// <summary>The O*NET semantic index, with descriptions and tasks; built and cached on first use.</summary>
    /// <exception cref="InvalidOperationException">No O*NET database path is configured.</exception>
    public async Task<OnetSemanticIndex> GetIndexAsync(IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (_index is { } ready)
        {
            return ready;
        }

        var path = _options.OnetDatabasePath
            ?? throw new InvalidOperationException("Set EmbeddingsOptions.OnetDatabasePath to an O*NET database text release to use O*NET features.");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _index ??= await OnetSemanticIndex.LoadOrBuildAsync(_embedder, path, _options.EffectiveCacheDirectory, true, progress, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The O*NET semantic index without descriptions and tasks (enough for similar titles and title normalization;
    /// quicker to build); the full index when it is already loaded.
    /// </summary>
    /// <exception cref="InvalidOperationException">No O*NET database path is configured.</exception>
    public async Task<OnetSemanticIndex> GetTitleIndexAsync(IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if ((_index ?? _titleIndex) is { } ready)
        {
            return ready;
        }

        var path = _options.OnetDatabasePath
            ?? throw new InvalidOperationException("Set EmbeddingsOptions.OnetDatabasePath to an O*NET database text release to use O*NET features.");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _titleIndex ??= await OnetSemanticIndex.LoadOrBuildAsync(_embedder, path, _options.EffectiveCacheDirectory, false, progress, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The semantic title normalizer (built on the title index).</summary>
    public async Task<SemanticTitleNormalizer> GetTitleNormalizerAsync(IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var index = await GetTitleIndexAsync(progress, cancellationToken).ConfigureAwait(false);
        return _normalizer ??= new SemanticTitleNormalizer(_lexical(), index, _embedder, _options.ReviewThreshold);
    }

    /// <summary>The SOC suggester.</summary>
    public async Task<SocSuggester> GetSocSuggesterAsync(IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var index = await GetIndexAsync(progress, cancellationToken).ConfigureAwait(false);
        var normalizer = new SemanticTitleNormalizer(_lexical(), index, _embedder, _options.ReviewThreshold);
        return new SocSuggester(normalizer, index, _embedder);
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
