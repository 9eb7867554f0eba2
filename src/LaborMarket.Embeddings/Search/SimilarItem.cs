namespace LaborMarket.Embeddings.Search;

/// <summary>A search hit: the entry, its position in the index and its cosine similarity to the query (-1 to 1).</summary>
/// <param name="Entry">The matched entry.</param>
/// <param name="Index">The entry's position in the index.</param>
/// <param name="Score">Cosine similarity.</param>
public sealed record SimilarItem(VectorEntry Entry, int Index, float Score);
