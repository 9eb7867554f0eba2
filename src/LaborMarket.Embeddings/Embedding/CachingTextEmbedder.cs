using System.Collections.Concurrent;

namespace LaborMarket.Embeddings.Embedding;

/// <summary>An <see cref="ITextEmbedder"/> that embeds each distinct text once and answers repeats from memory (bounded).</summary>
internal sealed class CachingTextEmbedder(ITextEmbedder inner, int capacity) : ITextEmbedder
{
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    public int Dimensions => inner.Dimensions;

    public string ModelId => inner.ModelId;

    public int Count => _cache.Count;

    public async ValueTask<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var result = new float[texts.Count][];
        List<string>? missing = null;
        List<int>? slots = null;
        for (var i = 0; i < texts.Count; i++)
        {
            if (_cache.TryGetValue(texts[i] ?? "", out var v))
            {
                result[i] = v;
            }
            else
            {
                (missing ??= []).Add(texts[i] ?? "");
                (slots ??= []).Add(i);
            }
        }

        if (missing is null)
        {
            return result;
        }

        var fresh = await inner.EmbedAsync(missing, cancellationToken).ConfigureAwait(false);
        if (_cache.Count + fresh.Length > capacity)
        {
            _cache.Clear();   // simple bound: a stream of distinct titles far beyond the capacity starts over
        }

        for (var j = 0; j < fresh.Length; j++)
        {
            result[slots![j]] = fresh[j];
            _cache.TryAdd(missing[j], fresh[j]);
        }

        return result;
    }
}
