using LaborMarket.Onet.Programs;
using LaborMarket.Onet.Skills;

namespace LaborMarket.Cli.Programs;

/// <summary>How the programs commands say things in a table.</summary>
internal static class ProgramsText
{
    public static string Source(SkillProfileSource source) => source switch
    {
        SkillProfileSource.Ratings => "O*NET Skills and Knowledge ratings",
        SkillProfileSource.TechnologyAndTools => "O*NET Technology Skills and Tools Used (no ratings for this occupation)",
        _ => "none (O*NET has no data for this occupation)",
    };

    /// <summary>"29-1141 Registered Nurses", or for a SOC 2010 code the SOC 2018 codes it was mapped to.</summary>
    public static string Occupations(SocCode requested, IReadOnlyList<CrosswalkOccupation> occupations)
    {
        var names = string.Join("; ", occupations.Select(o => $"{o.Soc} {o.Title}".TrimEnd()));
        return occupations.Count == 1 && occupations[0].Soc == requested ? names : $"{requested} (SOC 2010) -> SOC 2018: {names}";
    }
}
