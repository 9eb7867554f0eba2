using System.Collections.Frozen;
using LaborMarket.Onet.Skills;

namespace LaborMarket.Onet.Programs;

/// <summary>
/// Ranks programs for an occupation and occupations for a program: first the pairs NCES's crosswalk links, then pairs
/// over a similarity threshold for their skills alone; within each group by weighted skill overlap. A program's skill
/// profile is its own list when one is given, else the mean of the O*NET profiles of the occupations the crosswalk
/// links it to (what those occupations need is what the program teaches). Immutable and thread-safe; profiles are
/// built once, on first use.
/// </summary>
public sealed class ProgramRanking
{
    /// <summary>The similarity from which a pair the crosswalk does not link is listed for its skills alone.</summary>
    public const double DefaultMinimumSimilarity = 0.6;

    private readonly CipSocCrosswalk _crosswalk;
    private readonly OccupationSkills _skills;
    private readonly double _minimumSimilarity;
    private readonly IReadOnlyDictionary<CipCode, SkillProfile> _ownProfiles;
    private readonly Lazy<FrozenDictionary<SocCode, SkillProfile>> _occupationProfiles;
    private readonly Lazy<FrozenDictionary<CipCode, SkillProfile>> _programProfiles;

    /// <summary>Creates the ranking.</summary>
    /// <param name="crosswalk">The CIP-SOC crosswalk.</param>
    /// <param name="skills">The occupations' skill profiles.</param>
    /// <param name="minimumSimilarity">The similarity (0-1) from which an unlinked pair is listed; above 1 lists only crosswalk pairs.</param>
    /// <param name="programSkills">Programs' own skill lists (names or O*NET element ids), used instead of the derived profiles; or null.</param>
    public ProgramRanking(CipSocCrosswalk crosswalk, OccupationSkills skills, double minimumSimilarity = DefaultMinimumSimilarity,
        IReadOnlyDictionary<CipCode, SkillProfile>? programSkills = null)
    {
        ArgumentNullException.ThrowIfNull(crosswalk);
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumSimilarity);
        _crosswalk = crosswalk;
        _skills = skills;
        _minimumSimilarity = minimumSimilarity;
        _ownProfiles = programSkills ?? FrozenDictionary<CipCode, SkillProfile>.Empty;
        _occupationProfiles = new(() => _crosswalk.Occupations.ToFrozenDictionary(soc => soc, _skills.For));
        _programProfiles = new(() => _crosswalk.Programs.ToFrozenDictionary(cip => cip, Derive));
    }

    /// <summary>The skill profile used for a program: its own list, else the one derived from its occupations.</summary>
    public SkillProfile ProfileOf(CipCode cip) =>
        _ownProfiles.GetValueOrDefault(cip) ?? _programProfiles.Value.GetValueOrDefault(cip) ?? new SkillProfile(null, SkillProfileSource.None, []);

    /// <summary>
    /// The programs for an occupation, best first. A SOC 2010 code is mapped to SOC 2018 first; a split code is
    /// answered for all its parts (their profiles averaged).
    /// </summary>
    /// <param name="soc">A detailed SOC 2018 or SOC 2010 code.</param>
    /// <param name="top">The most programs to return.</param>
    public ProgramsForOccupation ProgramsFor(SocCode soc, int top = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var socs = _crosswalk.ToSoc2018(soc);
        var parts = socs.Select(s => _occupationProfiles.Value.GetValueOrDefault(s) ?? _skills.For(s)).ToArray();
        var profile = parts.Length == 1 ? parts[0] : Merge(null, parts);
        var linked = _crosswalk.ProgramsFor(soc).Select(p => p.Code).ToHashSet();
        var candidates = _programProfiles.Value.Keys.Concat(_ownProfiles.Keys).Distinct();
        var matches = candidates
            .Select(cip => (Cip: cip, Linked: linked.Contains(cip), Overlap: SkillOverlap.Between(profile, ProfileOf(cip))))
            .Where(m => m.Linked || m.Overlap.Similarity >= _minimumSimilarity)
            .OrderByDescending(m => m.Linked).ThenByDescending(m => m.Overlap.Similarity).ThenBy(m => m.Cip)
            .Take(top)
            .Select(m => new ProgramMatch(_crosswalk.FindProgram(m.Cip) ?? new CipProgram(m.Cip, "", null), m.Linked, m.Overlap))
            .ToArray();
        var occupations = socs.Select(s => _crosswalk.FindOccupation(s) ?? new CrosswalkOccupation(s, "", [])).ToArray();
        return new ProgramsForOccupation(soc, occupations, Source(parts), matches);
    }

    /// <summary>
    /// The occupations for a program, best first. A series (51.38) or family (51) is answered for every program in
    /// it, with their profiles averaged.
    /// </summary>
    /// <param name="cip">A CIP code.</param>
    /// <param name="top">The most occupations to return.</param>
    public OccupationsForProgram OccupationsFor(CipCode cip, int top = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var profile = cip.Level == CipLevel.Program
            ? ProfileOf(cip)
            : Merge(null, _crosswalk.Programs.Where(p => p.IsWithin(cip)).Select(ProfileOf).ToArray());
        var linked = _crosswalk.OccupationsFor(cip).Select(o => o.Soc).ToHashSet();
        var matches = _occupationProfiles.Value
            .Select(p => (Soc: p.Key, Profile: p.Value, Linked: linked.Contains(p.Key), Overlap: SkillOverlap.Between(p.Value, profile)))
            .Where(m => m.Linked || m.Overlap.Similarity >= _minimumSimilarity)
            .OrderByDescending(m => m.Linked).ThenByDescending(m => m.Overlap.Similarity).ThenBy(m => m.Soc)
            .Take(top)
            .Select(m => new OccupationMatch(_crosswalk.FindOccupation(m.Soc)!, m.Linked, m.Profile.Source, m.Overlap))
            .ToArray();
        return new OccupationsForProgram(cip, _crosswalk.FindProgram(cip), matches);
    }

    private SkillProfile Derive(CipCode cip) =>
        Merge(null, _crosswalk.OccupationsFor(cip).Select(o => _occupationProfiles.Value[o.Soc]).ToArray());

    // The mean weight of each entry over the profiles that have data (an entry a profile lacks counts 0 there).
    private static SkillProfile Merge(OnetSocCode? code, SkillProfile[] profiles)
    {
        var withData = profiles.Where(p => p.Entries.Count > 0).ToArray();
        if (withData.Length == 0)
        {
            return new SkillProfile(code, SkillProfileSource.None, []);
        }

        var sums = new Dictionary<string, (SkillEntry First, double Weight)>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in withData.SelectMany(p => p.Entries))
        {
            sums[entry.Id] = sums.TryGetValue(entry.Id, out var s) ? (s.First, s.Weight + entry.Weight) : (entry, entry.Weight);
        }

        var entries = sums.Values.Select(s => s.First with { Weight = s.Weight / withData.Length, Level = null })
            .OrderByDescending(e => e.Weight).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();
        return new SkillProfile(code, Source(withData), entries);
    }

    // Ratings only when every part with data has them; the fallback when any part needed it.
    private static SkillProfileSource Source(IReadOnlyList<SkillProfile> parts)
    {
        var sources = parts.Select(p => p.Source).Where(s => s != SkillProfileSource.None).ToArray();
        return sources.Length == 0 ? SkillProfileSource.None
            : Array.TrueForAll(sources, s => s == SkillProfileSource.Ratings) ? SkillProfileSource.Ratings
            : SkillProfileSource.TechnologyAndTools;
    }
}
