namespace LaborMarket.Embeddings;

/// <summary>Options of LaborMarket.Embeddings.</summary>
public sealed class EmbeddingsOptions
{
    /// <summary>An O*NET database text release (folder or .zip) for the O*NET semantic index; required for O*NET features.</summary>
    public string? OnetDatabasePath { get; set; }

    /// <summary>Where the O*NET semantic index is cached; null for the user's local application data folder.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Cores the model uses (one single-threaded session each, about 90 MB apiece, a batch split across them); 0 uses every core up to 8.</summary>
    public int Threads { get; set; }

    /// <summary>Semantic title results under this confidence are flagged for review (0-1).</summary>
    public double ReviewThreshold { get; set; } = 0.5;

    /// <summary>The cache folder in use.</summary>
    public string EffectiveCacheDirectory => CacheDirectory
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } d
            ? d : Path.GetTempPath(), "LaborMarket", "embeddings");
}
