namespace LaborMarket.Embeddings.Clustering;

/// <summary>A text's place on the 2-D map (its first two principal components).</summary>
/// <param name="X">First principal component.</param>
/// <param name="Y">Second principal component.</param>
public readonly record struct MapPoint(float X, float Y);
