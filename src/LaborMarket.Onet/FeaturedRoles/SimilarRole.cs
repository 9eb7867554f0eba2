namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>A featured role like another one: by its place in the SOC hierarchy, then by the skills they share.</summary>
/// <param name="Role">The similar role.</param>
/// <param name="Match">How close the two occupations are.</param>
/// <param name="SharedSkills">The skills in common (named as the first role names them), heaviest first.</param>
/// <param name="Similarity">Weighted Jaccard similarity of the two skill profiles, 0 to 1.</param>
public sealed record SimilarRole(FeaturedRole Role, SocMatch Match, IReadOnlyList<string> SharedSkills, double Similarity)
{
    /// <summary>Equal entries (shared skills compared in order).</summary>
    public bool Equals(SimilarRole? other) =>
        other is not null && Role == other.Role && Match == other.Match && Similarity.Equals(other.Similarity) && SharedSkills.SequenceEqual(other.SharedSkills);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Role, Match, Similarity);
}
