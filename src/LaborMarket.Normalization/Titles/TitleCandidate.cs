using LaborMarket.Normalization.Catalog;

namespace LaborMarket.Normalization.Titles;

/// <summary>A role a title might be, with its score and the alias or title that scored best.</summary>
/// <param name="Role">The role.</param>
/// <param name="Score">The match score (0 to 1; higher is closer). Exact matches score 1.</param>
/// <param name="MatchedText">The alias or O*NET title that matched.</param>
public sealed record TitleCandidate(Role Role, double Score, string MatchedText);
