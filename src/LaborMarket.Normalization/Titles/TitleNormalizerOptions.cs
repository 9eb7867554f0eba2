namespace LaborMarket.Normalization.Titles;

/// <summary>
/// Options for the title normalizer registered by
/// <c>services.AddLaborMarketNormalization(...)</c>.
/// </summary>
public sealed class TitleNormalizerOptions
{
    /// <summary>
    /// Path of a JSON role catalog to merge over the embedded catalog (adds roles, adds aliases,
    /// overrides mappings). <see langword="null"/> uses the embedded catalog alone.
    /// </summary>
    public string? CatalogPath { get; set; }

    /// <summary>
    /// Folder (or .zip) of an O*NET database text release. When set, every O*NET occupation and its
    /// alternate and reported titles become reachable by the normalizer.
    /// </summary>
    public string? OnetDatabasePath { get; set; }

    /// <summary>Number of ranked candidates kept on each result (1 to 50). Default 5.</summary>
    public int TopK { get; set; } = 5;

    /// <summary>
    /// Results whose confidence is below this value are flagged <c>NeedsReview</c>. Default 0.6.
    /// </summary>
    public double ReviewThreshold { get; set; } = 0.6;

    /// <summary>
    /// How many distinct titles <see cref="TitleNormalizer.Normalize(string?)"/> keeps the result of, so that a repeated
    /// title costs one lookup. Default 250,000; 0 keeps none (for a caller that keeps its own results, or whose titles
    /// rarely repeat: a kept result costs memory and garbage-collection time).
    /// </summary>
    public int CacheSize { get; set; } = 250_000;
}
