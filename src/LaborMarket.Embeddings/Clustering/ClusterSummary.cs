namespace LaborMarket.Embeddings.Clustering;

/// <summary>One cluster: its size, cohesion and what names it.</summary>
/// <param name="Id">Cluster number (0-based), largest first.</param>
/// <param name="Name">A name from its most distinctive words.</param>
/// <param name="Size">Texts in the cluster.</param>
/// <param name="Silhouette">Mean silhouette of its (sampled) members.</param>
/// <param name="Words">Its most distinctive words, most distinctive first.</param>
/// <param name="SocGroups">Its most common SOC major groups with their share, when codes were given.</param>
/// <param name="Examples">Texts nearest its centre.</param>
public sealed record ClusterSummary(int Id, string Name, int Size, double Silhouette, IReadOnlyList<string> Words,
    IReadOnlyList<string> SocGroups, IReadOnlyList<string> Examples);
