using LaborMarket.Onet.Database;
using LaborMarket.Onet.Programs;
using LaborMarket.Onet.Skills;

namespace LaborMarket.Onet.Tests.Programs;

/// <summary>The real crosswalk and O*NET files, each read once for every test that uses them.</summary>
internal static class ProgramsData
{
    private static readonly Lazy<OnetDatabase> OnetLazy = new(() => OnetDatabase.Load(TestData.DataPath("onet/db_27_0_text")));
    private static readonly Lazy<CipSocCrosswalk> CsvLazy = new(() => CipSocCrosswalk.Load(CsvPath, CipCodesPath, Onet));
    private static readonly Lazy<OccupationSkills> SkillsLazy = new(() => OccupationSkills.Load(Onet, RatingsPath));

    public static string CsvPath => TestData.DataPath("crosswalks/CIP2020_SOC2018_Crosswalk.csv");

    public static string XlsxPath => TestData.DataPath("crosswalks/CIP2020_SOC2018_Crosswalk.xlsx");

    public static string CipCodesPath => TestData.DataPath("crosswalks/CIPCode2020.csv");

    public static string RatingsPath => TestData.DataPath("onet/db_29_0_partial");

    /// <summary>O*NET 27.0: titles, technology, tools, related occupations (no Skills or Knowledge files).</summary>
    public static OnetDatabase Onet => OnetLazy.Value;

    /// <summary>The crosswalk from the csv, with the code list and O*NET 27.0.</summary>
    public static CipSocCrosswalk Crosswalk => CsvLazy.Value;

    /// <summary>Profiles: O*NET 29.0 ratings where it has the occupation, else 27.0 technology and tools.</summary>
    public static OccupationSkills Skills => SkillsLazy.Value;
}
