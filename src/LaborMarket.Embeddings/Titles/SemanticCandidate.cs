
namespace LaborMarket.Embeddings.Titles;

/// <summary>One occupation in a semantic title ranking, with the evidence of both kinds.</summary>
/// <param name="Soc">The 6-digit SOC code.</param>
/// <param name="OnetSoc">The O*NET-SOC occupation that carried the most evidence.</param>
/// <param name="Title">That occupation's O*NET title (or the lexical role's name when O*NET is not loaded).</param>
/// <param name="Score">The combined score (0-1; the scores of a ranking sum to at most 1).</param>
/// <param name="LexicalScore">The lexical matcher's best score for this code (0-1), 0 when it did not propose it.</param>
/// <param name="SemanticScore">The share of the nearest O*NET titles' weight that falls on this code (0-1).</param>
/// <param name="Evidence">The nearest O*NET title of this code and its cosine similarity, or the matched alias.</param>
public sealed record SemanticCandidate(SocCode Soc, OnetSocCode OnetSoc, string Title, double Score, double LexicalScore, double SemanticScore, string Evidence);
