using System.Globalization;
using System.Text;
using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Seniority;

namespace LaborMarket.Normalization.Titles;

/// <summary>
/// What a raw job title means: its role, seniority and codes, how sure we are, and why. Immutable. The decision
/// (role, seniority, confidence, method) is made when the title is normalized; the account of it (cleaned words,
/// seniority evidence, candidates, unmatched reason) is worked out again by the normalizer when one of them is
/// first read, so that a result that is only used for its role costs one object.
/// </summary>
public sealed record TitleMatch
{
    private TitleMatchDetails? _details;

    /// <summary>The title as given.</summary>
    public required string Input { get; init; }

    /// <summary>The words that identified the role, after cleaning and abbreviation expansion.</summary>
    public string CleanedTitle => Details.CleanedTitle;

    /// <summary>The chosen role, or null when the title matched nothing.</summary>
    public Role? Role { get; init; }

    /// <summary>The SOC 2018 code of the chosen role.</summary>
    public SocCode? SocCode => Role?.Soc;

    /// <summary>The O*NET-SOC code of the chosen role.</summary>
    public OnetSocCode? OnetSocCode => Role?.OnetSoc;

    /// <summary>The seniority read from the title (<see cref="SeniorityLevel.Mid"/> when it says nothing).</summary>
    public SeniorityLevel Seniority { get; init; } = SeniorityLevel.Mid;

    /// <summary>The word or level that set <see cref="Seniority"/>, or null when it is the default.</summary>
    public string? SeniorityEvidence => Details.SeniorityEvidence;

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

    /// <summary>The best roles, best first (the chosen role first when matched).</summary>
    public IReadOnlyList<TitleCandidate> Candidates => Details.Candidates;

    /// <summary>Why the title matched nothing, or null when it matched.</summary>
    public string? UnmatchedReason => Details.UnmatchedReason;

    // The normalizer that made the result and the candidates it kept: they work the account out again.
    internal TitleNormalizer? Source { get; init; }

    internal int TopK { get; init; }

    private TitleMatchDetails Details => _details ??= Source?.Explain(Input, TopK) ?? TitleMatchDetails.Empty;

    /// <summary>Equal decisions for the same input (the account follows from them).</summary>
    public bool Equals(TitleMatch? other) =>
        other is not null && Input == other.Input && Role == other.Role && Seniority == other.Seniority && Confidence.Equals(other.Confidence)
        && MatchedBy == other.MatchedBy && MatchedText == other.MatchedText && NeedsReview == other.NeedsReview;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Input, Role, Seniority, Confidence, MatchedBy, MatchedText, NeedsReview);

    /// <summary>True when a role was chosen.</summary>
    public bool IsMatch => Role is not null;

    /// <summary>A one-line account of the decision.</summary>
    public string Explanation
    {
        get
        {
            var sb = new StringBuilder();
            if (Role is null)
            {
                sb.Append("unmatched: ").Append(UnmatchedReason);
            }
            else
            {
                sb.Append(MatchedBy switch
                {
                    MatchMethod.ExactAlias => "exact alias",
                    MatchMethod.WordSet => "same words as alias",
                    MatchMethod.Fuzzy => "shared words after spelling correction with",
                    _ => "shared words with",
                }).Append(" '").Append(MatchedText).Append("' -> ").Append(Role.Name)
                  .Append(" (").Append(Role.OnetSoc.ToString()).Append(')');
            }

            sb.Append("; seniority ").Append(Seniority.ToString().ToLowerInvariant());
            sb.Append(SeniorityEvidence is null ? " (default)" : $" from '{SeniorityEvidence}'");
            sb.Append("; confidence ").Append(Confidence.ToString("0.00", CultureInfo.InvariantCulture));
            return sb.ToString();
        }
    }
}

/// <summary>The account of a title's match: worked out when first read.</summary>
internal sealed record TitleMatchDetails(string CleanedTitle, string? SeniorityEvidence, IReadOnlyList<TitleCandidate> Candidates, string? UnmatchedReason)
{
    public static TitleMatchDetails Empty { get; } = new("", null, [], null);
}
