namespace LaborMarket.Embeddings.Embedding;

/// <summary>Batched, cancellable embedding of many texts with progress.</summary>
public static class TextEmbedderExtensions
{
    /// <summary>
    /// Embeds <paramref name="texts"/> in batches of similar length (less padding), reporting progress after each
    /// batch, and returns the vectors row by row in one array (<c>texts.Count * Dimensions</c> floats).
    /// </summary>
    /// <param name="embedder">The model.</param>
    /// <param name="texts">The texts.</param>
    /// <param name="batchSize">Texts per model call (1-1024).</param>
    /// <param name="progress">Told after each batch; may be null.</param>
    /// <param name="stage">The stage name given in progress reports.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    public static async Task<float[]> EmbedManyAsync(this ITextEmbedder embedder, IReadOnlyList<string> texts, int batchSize = 64,
        IProgress<EmbeddingProgress>? progress = null, string stage = "texts", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, 1024);

        var dims = embedder.Dimensions;
        var matrix = new float[(long)texts.Count * dims];
        var order = new int[texts.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Texts of similar length share a batch, so the model pads little.
        Array.Sort(order, (a, b) => (texts[a]?.Length ?? 0).CompareTo(texts[b]?.Length ?? 0));
        var batch = new List<string>(batchSize);
        for (var start = 0; start < order.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Clear();
            var end = Math.Min(order.Length, start + batchSize);
            for (var i = start; i < end; i++)
            {
                batch.Add(texts[order[i]] ?? "");
            }

            var vectors = await embedder.EmbedAsync(batch, cancellationToken).ConfigureAwait(false);
            for (var i = start; i < end; i++)
            {
                var v = vectors[i - start];
                if (v.Length != dims)
                {
                    throw new InvalidOperationException($"The embedding model '{embedder.ModelId}' returned {v.Length} dimensions, not {dims}.");
                }

                v.CopyTo(matrix.AsSpan(order[i] * dims, dims));
            }

            progress?.Report(new EmbeddingProgress(end, texts.Count, stage));
        }

        return matrix;
    }
}
