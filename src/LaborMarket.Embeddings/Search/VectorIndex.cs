using System.Numerics.Tensors;

namespace LaborMarket.Embeddings.Search;

/// <summary>
/// An in-memory set of L2-normalized vectors with exact cosine top-k search (SIMD dot products over every row).
/// Immutable and thread-safe. Save it with <see cref="VectorIndexFile"/>.
/// </summary>
public sealed class VectorIndex
{
    private readonly float[] _vectors;
    private readonly VectorEntry[] _entries;

    /// <summary>Creates an index over <paramref name="entries"/> and their vectors, row by row.</summary>
    /// <param name="modelId">The model that made the vectors.</param>
    /// <param name="dimensions">Vector length.</param>
    /// <param name="entries">One entry per row.</param>
    /// <param name="vectors"><c>entries.Count * dimensions</c> floats; kept, not copied.</param>
    public VectorIndex(string modelId, int dimensions, IReadOnlyList<VectorEntry> entries, float[] vectors)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.LongLength != (long)entries.Count * dimensions)
        {
            throw new ArgumentException($"Expected {entries.Count} x {dimensions} floats, got {vectors.LongLength}.", nameof(vectors));
        }

        ModelId = modelId;
        Dimensions = dimensions;
        _entries = [.. entries];
        _vectors = vectors;
    }

    /// <summary>The model that made the vectors.</summary>
    public string ModelId { get; }

    /// <summary>Vector length.</summary>
    public int Dimensions { get; }

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Length;

    /// <summary>The entries, in row order.</summary>
    public IReadOnlyList<VectorEntry> Entries => _entries;

    /// <summary>The vector of row <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Vector(int index) => _vectors.AsSpan(index * Dimensions, Dimensions);

    internal float[] RawVectors => _vectors;

    /// <summary>
    /// The <paramref name="top"/> entries most similar to <paramref name="query"/>, best first; only entries
    /// whose code is within <paramref name="within"/> (a major, minor, broad or detailed SOC group) when given.
    /// </summary>
    public IReadOnlyList<SimilarItem> Search(ReadOnlySpan<float> query, int top = 10, SocCode? within = null, string? kind = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the index has {Dimensions}.", nameof(query));
        }

        // A min-heap of the best k so far: each row costs one dot product and, rarely, a heap update.
        var heap = new PriorityQueue<int, float>(top + 1);
        var floor = float.NegativeInfinity;
        for (var i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[i];
            if ((within is { } group && (entry.Code is not { } code || !code.Soc.IsWithin(group))) || (kind is not null && entry.Kind != kind))
            {
                continue;
            }

            var score = TensorPrimitives.Dot(query, _vectors.AsSpan(i * Dimensions, Dimensions));
            if (heap.Count < top)
            {
                heap.Enqueue(i, score);
                floor = heap.TryPeek(out _, out var f) ? f : score;
            }
            else if (score > floor)
            {
                heap.EnqueueDequeue(i, score);
                heap.TryPeek(out _, out floor);
            }
        }

        var result = new SimilarItem[heap.Count];
        for (var j = result.Length - 1; j >= 0; j--)
        {
            heap.TryDequeue(out var i, out var score);
            result[j] = new SimilarItem(_entries[i], i, score);
        }

        return result;
    }

    /// <summary>Cosine similarity of the query to every row (for callers that aggregate over all entries).</summary>
    public void ScoreAll(ReadOnlySpan<float> query, Span<float> scores)
    {
        if (scores.Length < _entries.Length)
        {
            throw new ArgumentException("The score buffer is shorter than the index.", nameof(scores));
        }

        for (var i = 0; i < _entries.Length; i++)
        {
            scores[i] = TensorPrimitives.Dot(query, _vectors.AsSpan(i * Dimensions, Dimensions));
        }
    }
}
