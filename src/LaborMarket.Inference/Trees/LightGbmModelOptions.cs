namespace LaborMarket.Inference.Trees;

/// <summary>
/// Limits applied while reading a LightGBM text model. A file beyond a limit is refused with a
/// <see cref="LaborMarketFormatException"/> naming the line and field, so memory and time stay
/// bounded by these numbers rather than by the input. The defaults are far above any model LightGBM trains.
/// </summary>
public sealed class LightGbmModelOptions
{
    /// <summary>Longest line, in characters (default 16 Mi: a tree of 131,072 leaves writes lines of about 3 M).</summary>
    public int MaxLineLength { get; set; } = 16 * 1024 * 1024;

    /// <summary>Most leaves in one tree (default 131,072, LightGBM's own upper bound on <c>num_leaves</c>).</summary>
    public int MaxLeaves { get; set; } = 131_072;

    /// <summary>
    /// Deepest tree, in levels from the root to its deepest leaf (default 2,048). Prediction walks a tree in time
    /// proportional to its depth; contributions keep a path buffer of about depth x min(depth, features) entries of
    /// 32 bytes per thread (at most 64 MB at the default).
    /// </summary>
    public int MaxTreeDepth { get; set; } = 2_048;

    /// <summary>Most input features (<c>max_feature_idx + 1</c>; default 1,000,000).</summary>
    public int MaxFeatures { get; set; } = 1_000_000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineLength, 64, nameof(MaxLineLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLeaves, 1, nameof(MaxLeaves));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTreeDepth, 1, nameof(MaxTreeDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFeatures, 1, nameof(MaxFeatures));
    }
}
