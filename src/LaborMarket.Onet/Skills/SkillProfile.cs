namespace LaborMarket.Onet.Skills;

/// <summary>What an occupation, a program or a role needs: the entries that a skill overlap compares.</summary>
/// <param name="Code">The occupation's O*NET-SOC code, or null for a program's or a role's own list.</param>
/// <param name="Source">Which data the profile was built from (say so when showing it).</param>
/// <param name="Entries">The entries, most important first.</param>
public sealed record SkillProfile(OnetSocCode? Code, SkillProfileSource Source, IReadOnlyList<SkillEntry> Entries)
{
    /// <summary>A profile from a plain list of skill names or O*NET element ids (a program's or a role's own list), each counting 1.</summary>
    /// <param name="skills">The names or ids.</param>
    public static SkillProfile FromList(IEnumerable<string> skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        var entries = skills.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(s => new SkillEntry(s, s, SkillKind.Skill, 1, null)).ToArray();
        return new SkillProfile(null, SkillProfileSource.None, entries);
    }
}
