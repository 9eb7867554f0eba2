using System.Collections.Concurrent;
using LaborMarket.Embeddings.Embedding;
using LaborMarket.Embeddings.Occupations;
using LaborMarket.Embeddings.Search;
using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Embeddings.Titles;

/// <summary>
/// The title normalizer with semantic evidence: a title whose lexical evidence is weak (a word-score or fuzzy match,
/// or no match) or split (an alias shared by several codes) is embedded, its nearest O*NET titles are found, and
/// both kinds of evidence are combined into one ranking. An unambiguous exact alias stays on the lexical fast path.
/// Each distinct title is embedded and searched once (bounded caches). Thread-safe.
/// </summary>
public sealed class SemanticTitleNormalizer
{
    private readonly TitleNormalizer _lexical;
    private readonly OnetSemanticIndex _index;
    private readonly ITextEmbedder _embedder;
    private readonly Dictionary<OnetSocCode, Role> _onetRoles = [];
    private readonly double _reviewThreshold;

    // Nearest O*NET titles per distinct query text: a repeated title costs neither an embedding nor a search. An entry
    // holds 30 small records (about 1.2 KB with its arrays, an estimate), so about 60 MB when full.
    private const int NeighborCacheCapacity = 50_000;
    private readonly ConcurrentDictionary<string, IReadOnlyList<SimilarItem>> _neighbors = new(StringComparer.Ordinal);

    /// <summary>Creates the normalizer.</summary>
    /// <param name="lexical">The lexical title normalizer (best with the same O*NET release loaded).</param>
    /// <param name="index">The O*NET semantic index.</param>
    /// <param name="embedder">The model that made the index.</param>
    /// <param name="reviewThreshold">Results under this confidence are flagged for review.</param>
    public SemanticTitleNormalizer(TitleNormalizer lexical, OnetSemanticIndex index, ITextEmbedder embedder, double reviewThreshold = 0.5)
        : this(lexical, index, embedder, reviewThreshold, BlendParameters.Default, SemanticConfidence.Weights)
    {
    }

    internal SemanticTitleNormalizer(TitleNormalizer lexical, OnetSemanticIndex index, ITextEmbedder embedder, double reviewThreshold,
        BlendParameters parameters, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(embedder);
        if (embedder.ModelId != index.Titles.ModelId)
        {
            throw new ArgumentException($"The index was made by '{index.Titles.ModelId}', not by '{embedder.ModelId}'.", nameof(embedder));
        }

        _lexical = lexical;
        _index = index;
        _embedder = embedder;
        _reviewThreshold = reviewThreshold;
        Parameters = parameters;
        Weights = weights;
        foreach (var role in lexical.Roles)
        {
            if (role.Source == RoleSource.Onet)
            {
                _onetRoles.TryAdd(role.OnetSoc, role);
            }
        }
    }

    internal BlendParameters Parameters { get; }

    internal IReadOnlyList<double> Weights { get; }

    /// <summary>Normalizes one title.</summary>
    /// <param name="title">The raw title.</param>
    /// <param name="topK">Candidates to keep (1-50).</param>
    /// <param name="cancellationToken">Cancels the embedding.</param>
    public async ValueTask<SemanticTitleMatch> NormalizeAsync(string? title, int topK = 5, CancellationToken cancellationToken = default)
    {
        var all = await NormalizeAllAsync([title], topK, null, cancellationToken).ConfigureAwait(false);
        return all[0];
    }

    /// <summary>Normalizes many titles, embedding the distinct ones that need it in batches; results in input order.</summary>
    /// <param name="titles">The raw titles.</param>
    /// <param name="topK">Candidates to keep per title (1-50).</param>
    /// <param name="progress">Told after each embedding batch; may be null.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    public async Task<IReadOnlyList<SemanticTitleMatch>> NormalizeAllAsync(IReadOnlyList<string?> titles, int topK = 5,
        IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topK, 50);
        var lexical = new TitleExplanation[titles.Count];
        var queries = new string?[titles.Count];
        var distinct = new HashSet<string>(StringComparer.Ordinal);

        // The account is not cached by the lexical normalizer: a title repeated in the batch is explained once.
        var explained = new Dictionary<string, TitleExplanation>(StringComparer.Ordinal);
        for (var i = 0; i < titles.Count; i++)
        {
            var title = titles[i] ?? "";
            if (!explained.TryGetValue(title, out var account))
            {
                account = _lexical.Explain(title, Math.Max(topK, 10));
                explained.Add(title, account);
            }

            lexical[i] = account;
            if (SemanticBlend.NeedsSemantic(account, Parameters) && QueryText(account) is { } q)
            {
                queries[i] = q;
                distinct.Add(q);
            }
        }

        // Neighbours of a text seen before come from memory; the rest are embedded in batches and searched together.
        var neighborsOf = new Dictionary<string, IReadOnlyList<SimilarItem>>(distinct.Count, StringComparer.Ordinal);
        var texts = new List<string>();
        foreach (var text in distinct)
        {
            if (_neighbors.TryGetValue(text, out var known))
            {
                neighborsOf[text] = known;
            }
            else
            {
                texts.Add(text);
            }
        }

        var vectors = await _embedder.EmbedManyAsync(texts, 64, progress, "titles", cancellationToken).ConfigureAwait(false);
        var found = _index.Titles.SearchMany(vectors, Parameters.Neighbors, cancellationToken);
        if (_neighbors.Count + texts.Count > NeighborCacheCapacity)
        {
            _neighbors.Clear();   // simple bound: a stream of distinct titles far beyond the capacity starts over
        }

        for (var j = 0; j < texts.Count; j++)
        {
            neighborsOf[texts[j]] = found[j];
            if (j < NeighborCacheCapacity)
            {
                _neighbors.TryAdd(texts[j], found[j]);
            }
        }

        var result = new SemanticTitleMatch[titles.Count];
        for (var i = 0; i < titles.Count; i++)
        {
            var neighbors = queries[i] is { } q ? neighborsOf[q] : null;
            result[i] = Combine(titles[i] ?? "", lexical[i], neighbors, topK);
        }

        return result;
    }

    /// <summary>The text embedded for a title: the cleaned title (abbreviations expanded, noise dropped), else the input.</summary>
    internal static string? QueryText(TitleExplanation lexical)
    {
        var cleaned = lexical.CleanedTitle;
        var text = string.IsNullOrWhiteSpace(cleaned) ? lexical.Match.Input : cleaned;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    internal SemanticTitleMatch Combine(string input, TitleExplanation lexical, IReadOnlyList<SimilarItem>? neighbors, int topK) =>
        Combine(input, lexical, neighbors, topK, Parameters, Weights);

    internal SemanticTitleMatch Combine(string input, TitleExplanation lexical, IReadOnlyList<SimilarItem>? neighbors, int topK,
        BlendParameters parameters, IReadOnlyList<double> weights)
    {
        var used = neighbors is not null;
        var ranking = SemanticBlend.Rank(lexical, neighbors ?? [], parameters, _index.OccupationNames);
        var confidence = ranking.Count == 0 ? 0 : SemanticConfidence.Predict(SemanticConfidence.Features(lexical, ranking, used, parameters), weights);
        var best = ranking.Count > 0 ? ranking[0] : null;
        Role? role = null;
        if (best is not null)
        {
            role = lexical.Match.Role is { } r && r.Soc == best.Soc ? r : _onetRoles.GetValueOrDefault(best.OnetSoc);
        }

        return new SemanticTitleMatch
        {
            Input = input,
            Lexical = lexical,
            SocCode = best?.Soc,
            OnetSocCode = role?.OnetSoc ?? best?.OnetSoc,
            Role = role,
            Confidence = Math.Round(confidence, 4),
            NeedsReview = confidence < _reviewThreshold,
            UsedSemantic = used,
            Candidates = ranking.Count > topK ? ranking.GetRange(0, topK) : ranking,
        };
    }
}
