namespace LaborMarket.Embeddings.Clustering;

/// <summary>The clusters of a set of texts, the k chosen and how every k tried scored.</summary>
/// <param name="K">The number of clusters chosen (best mean silhouette in the range).</param>
/// <param name="Silhouette">The chosen clustering's mean silhouette (cosine distance).</param>
/// <param name="Assignments">Each text's cluster, in input order.</param>
/// <param name="Clusters">The clusters, largest first.</param>
/// <param name="Tried">Each k tried with its mean silhouette.</param>
/// <param name="Map">Each text's 2-D PCA position, in input order.</param>
public sealed record ClusteringResult(int K, double Silhouette, IReadOnlyList<int> Assignments, IReadOnlyList<ClusterSummary> Clusters,
    IReadOnlyList<KeyValuePair<int, double>> Tried, IReadOnlyList<MapPoint> Map);
