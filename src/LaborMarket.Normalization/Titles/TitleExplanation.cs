using System.Globalization;
using System.Text;
using LaborMarket.Json;

namespace LaborMarket.Normalization.Titles;

/// <summary>
/// A title's match with the account of it: the cleaned words, the seniority evidence, the best candidates and
/// why nothing matched. Made by <see cref="TitleNormalizer.Explain(string?)"/>; an immutable record of plain data.
/// </summary>
public sealed record TitleExplanation
{
    /// <summary>The decision.</summary>
    public required TitleMatch Match { get; init; }

    /// <summary>The words that identified the role, after cleaning and abbreviation expansion.</summary>
    public required string CleanedTitle { get; init; }

    /// <summary>The word or level that set the seniority, or null when it is the default.</summary>
    public string? SeniorityEvidence { get; init; }

    /// <summary>The best roles, best first (the chosen role first when matched).</summary>
    public IReadOnlyList<TitleCandidate> Candidates { get; init; } = [];

    /// <summary>Why the title matched nothing, or null when it matched.</summary>
    public string? UnmatchedReason { get; init; }

    /// <summary>A one-line account of the decision, worded from the fields above.</summary>
    public string Summary
    {
        get
        {
            var sb = new StringBuilder();
            if (Match.Role is not { } role)
            {
                sb.Append("unmatched: ").Append(UnmatchedReason);
            }
            else
            {
                sb.Append(Match.MatchedBy switch
                {
                    MatchMethod.ExactAlias => "exact alias",
                    MatchMethod.WordSet => "same words as alias",
                    MatchMethod.Fuzzy => "shared words after spelling correction with",
                    _ => "shared words with",
                }).Append(" '").Append(Match.MatchedText).Append("' -> ").Append(role.Name)
                  .Append(" (").Append(role.OnetSoc.ToString()).Append(')');
            }

            sb.Append("; seniority ").Append(Match.Seniority.ToString().ToLowerInvariant());
            sb.Append(SeniorityEvidence is null ? " (default)" : $" from '{SeniorityEvidence}'");
            sb.Append("; confidence ").Append(Match.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
            return sb.ToString();
        }
    }

    /// <summary>Equal decisions with equal accounts (candidates compared in order).</summary>
    public bool Equals(TitleExplanation? other) =>
        other is not null && Match == other.Match && CleanedTitle == other.CleanedTitle && SeniorityEvidence == other.SeniorityEvidence
        && UnmatchedReason == other.UnmatchedReason && Candidates.SequenceEqual(other.Candidates);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Match, CleanedTitle, SeniorityEvidence, UnmatchedReason, Candidates.Count);
}
