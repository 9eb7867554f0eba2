using LaborMarket.Onet.Skills;

namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>"Roles like this one": ranks a user's featured roles by SOC closeness, then by skill overlap.</summary>
public static class FeaturedRoleSimilarity
{
    /// <summary>
    /// The roles most like <paramref name="role"/>, best first: same O*NET-SOC occupation, then the same detailed SOC,
    /// broad occupation and minor group; within a level by skill similarity. A role's skills are its own list, or its
    /// occupation's O*NET profile when the list is empty and <paramref name="skills"/> is given. Roles in other minor
    /// groups appear only when they share skills. The role itself (same id) is left out.
    /// </summary>
    /// <param name="role">The role.</param>
    /// <param name="candidates">The roles to rank (a user's featured roles).</param>
    /// <param name="skills">O*NET skill profiles for roles without their own skills, or null.</param>
    /// <param name="top">How many to return (at least 1).</param>
    public static IReadOnlyList<SimilarRole> FindSimilar(FeaturedRole role, IEnumerable<FeaturedRole> candidates, OccupationSkills? skills = null, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var profile = ProfileOf(role, skills);
        var similar = new List<SimilarRole>();
        foreach (var candidate in candidates)
        {
            if (candidate.Id == role.Id)
            {
                continue;
            }

            var match = MatchOf(role.Code, candidate.Code);
            var overlap = SkillOverlap.Between(profile, ProfileOf(candidate, skills));
            if (match != SocMatch.None || overlap.Count > 0)
            {
                similar.Add(new SimilarRole(candidate, match, overlap.Shared.Select(s => s.Name).ToArray(), Math.Round(overlap.Similarity, 4)));
            }
        }

        return similar.OrderByDescending(s => s.Match).ThenByDescending(s => s.Similarity).ThenBy(s => s.Role.Id, StringComparer.Ordinal).Take(top).ToArray();
    }

    /// <summary>How close two occupations are in the SOC hierarchy.</summary>
    /// <param name="first">An occupation.</param>
    /// <param name="second">Another.</param>
    public static SocMatch MatchOf(OnetSocCode first, OnetSocCode second) =>
        first == second ? SocMatch.SameOccupation
        : first.Soc == second.Soc ? SocMatch.DetailedOccupation
        : first.Soc.Broad == second.Soc.Broad ? SocMatch.BroadOccupation
        : first.Soc.Minor == second.Soc.Minor ? SocMatch.MinorGroup
        : SocMatch.None;

    private static SkillProfile ProfileOf(FeaturedRole role, OccupationSkills? skills) =>
        role.Skills.Count == 0 && skills is not null ? skills.For(role.Code) : SkillProfile.FromList(role.Skills);
}
