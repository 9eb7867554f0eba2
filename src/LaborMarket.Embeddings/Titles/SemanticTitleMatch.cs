using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Embeddings.Titles;

/// <summary>
/// A title normalized with lexical and semantic evidence. <see cref="Lexical"/> is the title normalizer's own result
/// (role, seniority, explanation); the code, role and confidence here are the combined ranking's.
/// </summary>
public sealed record SemanticTitleMatch
{
    /// <summary>The title as given.</summary>
    public required string Input { get; init; }

    /// <summary>The lexical normalizer's result for the same title.</summary>
    public required TitleExplanation Lexical { get; init; }

    /// <summary>The chosen 6-digit SOC code; null when neither kind of evidence found one.</summary>
    public SocCode? SocCode { get; init; }

    /// <summary>The chosen O*NET-SOC occupation.</summary>
    public OnetSocCode? OnetSocCode { get; init; }

    /// <summary>The lexical role when it has the chosen code, else the O*NET occupation's role when O*NET is loaded.</summary>
    public Role? Role { get; init; }

    /// <summary>Probability that <see cref="SocCode"/> is right, calibrated on the features of the evidence (0-1).</summary>
    public double Confidence { get; init; }

    /// <summary>Whether the confidence is under the review threshold.</summary>
    public bool NeedsReview { get; init; }

    /// <summary>Whether embeddings were consulted (false on the fast path: an unambiguous exact alias).</summary>
    public bool UsedSemantic { get; init; }

    /// <summary>The combined ranking, best first.</summary>
    public IReadOnlyList<SemanticCandidate> Candidates { get; init; } = [];

    /// <summary>Whether a code was chosen.</summary>
    public bool IsMatch => SocCode is not null;
}
