using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.ML.Scoring;

/// <summary>
/// What the scoring step stores in ML.NET's model file: a first line naming the extra outputs, then the LightGBM
/// model text. Parsed once per stored text and cached, so scoring a row costs only the prediction.
/// </summary>
internal sealed class ScoringPayload
{
    private const string Magic = "labormarket-lightgbm-scoring v1";

    private static readonly ConditionalWeakTable<object, ScoringPayload> Cache = [];

    private ScoringPayload(LightGbmModel model, bool raw, bool leaves, bool contributions, int start, int length)
    {
        Model = model;
        Raw = raw;
        Leaves = leaves;
        Contributions = contributions;
        Start = start;
        Length = length;
    }

    public LightGbmModel Model { get; }

    public bool Raw { get; }

    public bool Leaves { get; }

    public bool Contributions { get; }

    private int Start { get; }

    private int Length { get; }

    /// <summary>The text to store: the header, then the model written back from its parsed trees.</summary>
    public static string Create(LightGbmModel model, bool raw, bool leaves, bool contributions) =>
        string.Create(CultureInfo.InvariantCulture, $"{Magic} raw={(raw ? 1 : 0)} leaves={(leaves ? 1 : 0)} contributions={(contributions ? 1 : 0)}\n{model.ToModelText()}");

    /// <summary>The payload a row carries; the same stored text gives the same parsed model.</summary>
    public static ScoringPayload Resolve(ReadOnlyMemory<char> stored)
    {
        object? owner = MemoryMarshal.TryGetString(stored, out var s, out var start, out var length) ? s
            : MemoryMarshal.TryGetArray(stored, out var segment) ? segment.Array : null;
        if (owner is null)
        {
            return Parse(stored.Span, 0, 0);
        }

        if (MemoryMarshal.TryGetArray(stored, out var seg))
        {
            start = seg.Offset;
            length = seg.Count;
        }

        if (Cache.TryGetValue(owner, out var cached) && cached.Start == start && cached.Length == length)
        {
            return cached;
        }

        var parsed = Parse(stored.Span, start, length);
        Cache.AddOrUpdate(owner, parsed);
        return parsed;
    }

    private static ScoringPayload Parse(ReadOnlySpan<char> stored, int start, int length)
    {
        var newline = stored.IndexOf('\n');
        var header = newline < 0 ? stored : stored[..newline];
        if (!header.StartsWith(Magic, StringComparison.Ordinal))
        {
            throw new FormatException("the stored LightGBM scoring model does not start with its header (the ML.NET model file is damaged or not from LaborMarket.Inference.ML)");
        }

        var model = LightGbmModel.Parse(new StringReader(stored[(newline + 1)..].ToString()), "ML.NET model file");
        var h = header.ToString();
        return new ScoringPayload(model, h.Contains("raw=1", StringComparison.Ordinal), h.Contains("leaves=1", StringComparison.Ordinal),
            h.Contains("contributions=1", StringComparison.Ordinal), start, length);
    }
}
