namespace LaborMarket.Embeddings.Embedding;

/// <summary>How far a long embedding run has come.</summary>
/// <param name="Completed">Texts embedded so far.</param>
/// <param name="Total">Texts in the run.</param>
/// <param name="Stage">What is being embedded ("titles", "tasks", ...).</param>
public sealed record EmbeddingProgress(int Completed, int Total, string Stage);
