
namespace LaborMarket.Bls.Oflc;

/// <summary>
/// DOL OFLC prevailing wages for an occupation in an area: hourly Levels 1-4 (roughly the 17th, 34th, 50th
/// and 67th percentiles, computed by OFLC from OEWS). Null where OFLC publishes no level.
/// </summary>
/// <param name="Area">The OEWS area (metro or nonmetro).</param>
/// <param name="AreaName">The area's name.</param>
/// <param name="Soc">The occupation code as OFLC gives it (OEWS codes of its wage year, a SOC 2010/2018 hybrid).</param>
/// <param name="Level1Hourly">Level 1 hourly wage.</param>
/// <param name="Level2Hourly">Level 2 hourly wage.</param>
/// <param name="Level3Hourly">Level 3 hourly wage.</param>
/// <param name="Level4Hourly">Level 4 hourly wage.</param>
public sealed record OflcWageLevels(OewsAreaCode Area, string AreaName, SocCode Soc, double? Level1Hourly, double? Level2Hourly, double? Level3Hourly, double? Level4Hourly)
{
    /// <summary>The SOC 2018 code (<see cref="Soc"/> through <see cref="SocCrosswalk"/>).</summary>
    public SocCode Soc2018 => SocCrosswalk.From2010(Soc);

    /// <summary>True when OFLC published none of the four levels.</summary>
    public bool IsBlank => Level1Hourly is null && Level2Hourly is null && Level3Hourly is null && Level4Hourly is null;
}
