namespace LaborMarket.Embeddings.Occupations;

/// <summary>One piece of evidence for a suggested occupation.</summary>
/// <param name="Kind">"title" (a nearest O*NET title or a matched alias), "description" or "task".</param>
/// <param name="Text">The O*NET text that matched.</param>
/// <param name="Similarity">Its cosine similarity to the role (or the alias score for a lexical match).</param>
public sealed record SocEvidence(string Kind, string Text, double Similarity);
