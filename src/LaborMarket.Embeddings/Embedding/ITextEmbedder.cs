namespace LaborMarket.Embeddings.Embedding;

/// <summary>
/// A sentence-embedding model: text in, one L2-normalized vector out. The package's default is all-MiniLM-L6-v2
/// (<see cref="MiniLmTextEmbedder"/>); register another implementation to plug an ONNX file of your own or a remote service.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>The length of every vector this model returns.</summary>
    int Dimensions { get; }

    /// <summary>A name for the model and its version; saved vector files and caches are keyed by it.</summary>
    string ModelId { get; }

    /// <summary>Embeds a batch of texts; the result has one L2-normalized vector per text, in input order.</summary>
    /// <param name="texts">The texts; an empty or whitespace text gets a zero vector.</param>
    /// <param name="cancellationToken">Cancels the work between batches.</param>
    ValueTask<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
