namespace LaborMarket.Onet.Skills;

/// <summary>What two skill profiles have in common.</summary>
/// <param name="Shared">The entries in common (named as the first profile names them), heaviest first.</param>
/// <param name="Similarity">
/// Weighted Jaccard similarity, 0 to 1: the weight of the shared entries over the weight of all entries of either
/// profile (an entry in both counts once, at its heavier weight).
/// </param>
public sealed record SkillOverlap(IReadOnlyList<SkillEntry> Shared, double Similarity)
{
    /// <summary>The number of entries in common ("8 skills in common").</summary>
    public int Count => Shared.Count;

    /// <summary>Compares two profiles. Entries match by O*NET element id or by name, ignoring case.</summary>
    /// <param name="first">A profile (usually the occupation's).</param>
    /// <param name="second">Another (a program's or a role's).</param>
    public static SkillOverlap Between(SkillProfile first, SkillProfile second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var other = new Dictionary<string, SkillEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in second.Entries)
        {
            other.TryAdd(e.Id, e);
            other.TryAdd(e.Name, e);
        }

        var shared = new List<SkillEntry>();
        var matched = new HashSet<SkillEntry>(ReferenceEqualityComparer.Instance);
        double both = 0, union = 0;
        foreach (var e in first.Entries)
        {
            if ((other.GetValueOrDefault(e.Id) ?? other.GetValueOrDefault(e.Name)) is { } m && matched.Add(m))
            {
                shared.Add(e);
                both += Math.Min(e.Weight, m.Weight);
                union += Math.Max(e.Weight, m.Weight);
            }
            else
            {
                union += e.Weight;
            }
        }

        union += second.Entries.Where(e => !matched.Contains(e)).Sum(e => e.Weight);
        return new SkillOverlap(shared.OrderByDescending(e => e.Weight).ThenBy(e => e.Name, StringComparer.Ordinal).ToArray(), union > 0 ? both / union : 0);
    }
}
