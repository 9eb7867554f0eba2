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

        var best = new TopK(top);
        for (var i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[i];
            if ((within is { } group && (entry.Code is not { } code || !code.Soc.IsWithin(group))) || (kind is not null && entry.Kind != kind))
            {
                continue;
            }

            best.Offer(i, TensorPrimitives.Dot(query, _vectors.AsSpan(i * Dimensions, Dimensions)));
        }

        return best.Drain(_entries);
    }

    /// <summary>
    /// The <paramref name="top"/> entries most similar to each of many queries (row by row in
    /// <paramref name="queries"/>, <c>count * Dimensions</c> floats), best first; the same answers as <see cref="Search"/>
    /// one query at a time, several times faster: blocks of queries share each pass over the rows, so the index is read
    /// from memory once a block rather than once a query. Blocks run in parallel.
    /// </summary>
    /// <param name="queries">The query vectors, row by row.</param>
    /// <param name="top">Entries per query.</param>
    /// <param name="cancellationToken">Cancels between blocks.</param>
    public IReadOnlyList<SimilarItem>[] SearchMany(ReadOnlyMemory<float> queries, int top = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (queries.Length % Dimensions != 0)
        {
            throw new ArgumentException($"The queries hold {queries.Length} floats, not a whole number of {Dimensions}-dimension vectors.", nameof(queries));
        }

        const int Block = 32;
        var count = queries.Length / Dimensions;
        var result = new IReadOnlyList<SimilarItem>[count];
        Parallel.For(0, (count + Block - 1) / Block, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            var first = block * Block;
            var best = new TopK[Math.Min(Block, count - first)];
            for (var q = 0; q < best.Length; q++)
            {
                best[q] = new TopK(top);
            }

            var mine = queries.Span.Slice(first * Dimensions, best.Length * Dimensions);
            for (var i = 0; i < _entries.Length; i++)
            {
                var row = _vectors.AsSpan(i * Dimensions, Dimensions);
                for (var q = 0; q < best.Length; q++)
                {
                    best[q].Offer(i, TensorPrimitives.Dot(mine.Slice(q * Dimensions, Dimensions), row));
                }
            }

            for (var q = 0; q < best.Length; q++)
            {
                result[first + q] = best[q].Drain(_entries);
            }
        });
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

    /// <summary>The best k rows so far: a min-heap, so each row costs one comparison and, rarely, a heap update.</summary>
    private sealed class TopK(int k)
    {
        private readonly PriorityQueue<int, float> _heap = new(k + 1);
        private float _floor = float.NegativeInfinity;

        public void Offer(int row, float score)
        {
            if (_heap.Count < k)
            {
                _heap.Enqueue(row, score);
                _heap.TryPeek(out _, out _floor);
            }
            else if (score > _floor)
            {
                _heap.EnqueueDequeue(row, score);
                _heap.TryPeek(out _, out _floor);
            }
        }

        /// <summary>The rows kept, best first.</summary>
        public SimilarItem[] Drain(VectorEntry[] entries)
        {
            var result = new SimilarItem[_heap.Count];
            for (var j = result.Length - 1; j >= 0; j--)
            {
                _heap.TryDequeue(out var i, out var score);
                result[j] = new SimilarItem(entries[i], i, score);
            }

            return result;
        }
    }
}
