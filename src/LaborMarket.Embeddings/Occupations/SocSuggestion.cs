
namespace LaborMarket.Embeddings.Occupations;

/// <summary>A suggested occupation for a role.</summary>
/// <param name="Soc">The 6-digit SOC code.</param>
/// <param name="OnetSoc">The O*NET-SOC occupation within it that fits best.</param>
/// <param name="Title">That occupation's O*NET title.</param>
/// <param name="Score">The share of the evidence on this code (0-1, summing to at most 1 over all codes).</param>
/// <param name="Evidence">What matched: titles, the description, task statements.</param>
public sealed record SocSuggestion(SocCode Soc, OnetSocCode OnetSoc, string Title, double Score, IReadOnlyList<SocEvidence> Evidence);
