namespace LaborMarket.Embeddings.Clustering;

/// <summary>How <see cref="TitleClusterer"/> clusters.</summary>
public sealed record ClusteringOptions
{
    /// <summary>Smallest k tried.</summary>
    public int MinClusters { get; init; } = 8;

    /// <summary>Largest k tried.</summary>
    public int MaxClusters { get; init; } = 12;

    /// <summary>Seed of k-means++ and of the silhouette sample; the same seed gives the same clusters.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Lloyd iterations at most.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Rows the silhouette is computed over (a seeded sample above this; it costs the square of it).</summary>
    public int SilhouetteSample { get; init; } = 3000;
}
