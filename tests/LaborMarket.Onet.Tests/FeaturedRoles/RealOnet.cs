using LaborMarket.Onet.Database;
using LaborMarket.Onet.Programs;
using LaborMarket.Onet.Skills;

namespace LaborMarket.Onet.Tests.FeaturedRoles;

/// <summary>The real O*NET 27.0 release, the 29.0 Skills and Knowledge ratings and the CIP-SOC crosswalk, each read once.</summary>
internal static class RealOnet
{
    private static readonly Lazy<OnetDatabase> DatabaseLazy = new(() => OnetDatabase.Load(TestData.DataPath("onet/db_27_0_text")));
    private static readonly Lazy<OccupationSkills> SkillsLazy = new(() => OccupationSkills.Load(Database, TestData.DataPath("onet/db_29_0_partial")));
    private static readonly Lazy<CipSocCrosswalk> CrosswalkLazy = new(() => CipSocCrosswalk.Load(
        TestData.DataPath("crosswalks/CIP2020_SOC2018_Crosswalk.csv"), TestData.DataPath("crosswalks/CIPCode2020.csv"), Database));

    public static OnetDatabase Database => DatabaseLazy.Value;

    public static OccupationSkills Skills => SkillsLazy.Value;

    public static CipSocCrosswalk Crosswalk => CrosswalkLazy.Value;
}
