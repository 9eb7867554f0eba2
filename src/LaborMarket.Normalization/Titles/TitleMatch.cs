using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Seniority;

namespace LaborMarket.Normalization.Titles;

/// <summary>
/// What a raw job title means: its role, seniority and codes, and how sure we are. An immutable record of plain
/// data (it serializes with <see cref="NormalizationJsonContext"/> or default <c>System.Text.Json</c> options).
/// The account of the decision (cleaned words, seniority evidence, candidates, why nothing matched) is asked for
/// with <see cref="TitleNormalizer.Explain(string?)"/>, so a result used for its role alone costs one object.
/// </summary>
public sealed record TitleMatch
{
    /// <summary>The title as given.</summary>
    public required string Input { get; init; }

    /// <summary>The chosen role, or null when the title matched nothing.</summary>
    public Role? Role { get; init; }

    /// <summary>The SOC 2018 code of the chosen role.</summary>
    public SocCode? SocCode => Role?.Soc;

    /// <summary>The O*NET-SOC code of the chosen role.</summary>
    public OnetSocCode? OnetSocCode => Role?.OnetSoc;

    /// <summary>The seniority read from the title (<see cref="SeniorityLevel.Mid"/> when it says nothing).</summary>
    public SeniorityLevel Seniority { get; init; } = SeniorityLevel.Mid;

    /// <summary>
    /// The probability that <see cref="Role"/>'s SOC code is right, calibrated on real labeled titles
    /// (results at 0.8 are right about 80 % of the time). 0 when unmatched.
    /// </summary>
    public double Confidence { get; init; }

    /// <summary>How the role was found.</summary>
    public MatchMethod MatchedBy { get; init; }

    /// <summary>The alias or O*NET title that matched, or null.</summary>
    public string? MatchedText { get; init; }

    /// <summary>True when a person should check this result (low confidence or no match).</summary>
    public bool NeedsReview { get; init; }

    /// <summary>True when a role was chosen.</summary>
    public bool IsMatch => Role is not null;
}
